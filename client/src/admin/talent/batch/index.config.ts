export default definePageConfig({
  navigationBarTitleText: '挂职批次',
  enablePullDownRefresh: true,
});
