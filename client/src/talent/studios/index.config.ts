export default definePageConfig({
  navigationBarTitleText: '书记工作室',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
