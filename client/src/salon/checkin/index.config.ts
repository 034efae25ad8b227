export default definePageConfig({
  navigationBarTitleText: '沙龙签到',
});
