export default definePageConfig({
  navigationBarTitleText: '后备力量',
  enablePullDownRefresh: true,
});
