export default definePageConfig({
  navigationBarTitleText: '评委打分',
  enablePullDownRefresh: true,
});
