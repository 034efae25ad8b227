export default definePageConfig({
  navigationBarTitleText: '沙龙档案',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
