export default definePageConfig({
  navigationBarTitleText: '书记绑定',
  enablePullDownRefresh: true,
});
