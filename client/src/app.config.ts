// Values are literal on purpose: this file is read at build time; they match BRAND in theme.ts.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  window: {
    navigationBarTitleText: '雁阵',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F7F4F2',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#6B6B6B',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
});
