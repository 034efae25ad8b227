export default definePageConfig({
  navigationBarTitleText: '绑定书记档案',
});
