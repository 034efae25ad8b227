// Values are literal on purpose: this file is read at build time; they match BRAND in theme.ts.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/showcases/index', 'pages/contest/index', 'pages/mine/index', 'pages/showcase/index'],
  window: {
    // The mini-program's default; stated so that the H5 preview draws the same bar (title, back or home button).
    navigationStyle: 'default',
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
      { pagePath: 'pages/showcases/index', text: '风采', iconPath: 'assets/tab/showcases.png', selectedIconPath: 'assets/tab/showcases-active.png' },
      { pagePath: 'pages/contest/index', text: '投票', iconPath: 'assets/tab/contest.png', selectedIconPath: 'assets/tab/contest-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Pages only secretaries and admins open: loaded on demand, so residents download none of them.
  subPackages: [
    { root: 'secretary', pages: ['bind/index', 'showcase-edit/index', 'archive/index', 'contest-registration/index', 'quiz/index'] },
    { root: 'salon', pages: ['list/index', 'detail/index', 'checkin/index', 'archive/index', 'archive/record/index'] },
    { root: 'talent', pages: ['studios/index', 'studio/index', 'pairing/index'] },
    { root: 'contest', pages: ['results/index'] },
    { root: 'judge', pages: ['index', 'score/index'] },
    { root: 'admin', pages: ['index', 'bindings/index', 'archive/index', 'archive/file/index', 'archive/import/index', 'invites/index', 'audit/index', 'reviews/index', 'salons/index', 'talent/pipeline/index', 'talent/batches/index', 'talent/batch/index', 'talent/studios/index', 'contest/review/index', 'contest/setup/index', 'contest/publish/index', 'contest/quiz/index', 'contest/quiz/edit/index', 'contest/quiz/import/index'] },
  ],
  // H5 only: Taro's page slide hides the page left behind on a timer, and a back tapped within that time (300 ms)
  // leaves a blank screen; pages switch at once instead. The mini-program keeps WeChat's own transitions.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true, // privacy guide declared in the mp console; contract: docs/privacy.md
});
