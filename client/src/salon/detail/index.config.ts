export default definePageConfig({
  navigationBarTitleText: '社区书记沙龙',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
