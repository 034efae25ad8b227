export default definePageConfig({
  navigationBarTitleText: '大比武报名审核',
  enablePullDownRefresh: true,
});
