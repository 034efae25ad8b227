export default definePageConfig({
  navigationBarTitleText: '大比武结果公布',
  enablePullDownRefresh: true,
});
