export default definePageConfig({
  navigationBarTitleText: '沙龙记录',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
