export default definePageConfig({
  navigationBarTitleText: '人员档案',
  enablePullDownRefresh: true,
});
