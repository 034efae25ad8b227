export default definePageConfig({
  navigationBarTitleText: '挂职结对',
  enablePullDownRefresh: true,
});
