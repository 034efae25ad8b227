export default definePageConfig({
  navigationBarTitleText: '知识竞赛题库',
  enablePullDownRefresh: true,
});
