export default definePageConfig({
  navigationBarTitleText: '管理员与评委',
  enablePullDownRefresh: true,
});
