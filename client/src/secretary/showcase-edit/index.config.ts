export default definePageConfig({
  navigationBarTitleText: '我的风采',
  enablePullDownRefresh: true,
});
