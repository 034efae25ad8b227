export default definePageConfig({
  navigationBarTitleText: '逐项打分',
});
