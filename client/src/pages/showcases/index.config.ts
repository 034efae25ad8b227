export default definePageConfig({
  navigationBarTitleText: '书记风采',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  enableShareAppMessage: true,
});
