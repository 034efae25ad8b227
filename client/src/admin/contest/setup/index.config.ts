export default definePageConfig({
  navigationBarTitleText: '大比武设置',
});
