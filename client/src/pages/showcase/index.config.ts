export default definePageConfig({
  navigationBarTitleText: '书记风采',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
