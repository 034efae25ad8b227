export default definePageConfig({
  navigationBarTitleText: '大比武投票',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
