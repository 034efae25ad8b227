export default definePageConfig({
  navigationBarTitleText: '品质市中 活力党建',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
