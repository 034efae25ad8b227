export default definePageConfig({
  navigationBarTitleText: '大比武评审结果',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
