export default definePageConfig({
  navigationBarTitleText: '风采审核',
  enablePullDownRefresh: true,
});
