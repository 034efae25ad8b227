export default definePageConfig({
  navigationBarTitleText: '沙龙轮值与安排',
  enablePullDownRefresh: true,
});
