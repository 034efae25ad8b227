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
      // Icons: drawn by client/scripts/draw-tab-icons.mjs.
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
});
