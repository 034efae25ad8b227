export default definePageConfig({
  navigationBarTitleText: '本人档案',
  enablePullDownRefresh: true,
});
