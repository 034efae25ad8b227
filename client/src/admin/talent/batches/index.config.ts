export default definePageConfig({
  navigationBarTitleText: '挂职交流',
  enablePullDownRefresh: true,
});
