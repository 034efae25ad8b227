export default definePageConfig({
  navigationBarTitleText: '档案与名册',
  enablePullDownRefresh: true,
});
