export default definePageConfig({
  navigationBarTitleText: '报名大比武',
  enablePullDownRefresh: true,
});
