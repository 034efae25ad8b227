import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

// The H5 preview's navigation and tab bars (Taro draws them in the page); the mini-program has WeChat's own.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import, so the weapp build never sees it
if (process.env.TARO_ENV === 'h5') require('./h5-chrome.scss');

// `wx.cloud.DYNAMIC_CURRENT_ENV`: use the environment the mini-program is bound to. Taro's typings lack it.
type CloudWithDynamicEnv = typeof Taro.cloud & { DYNAMIC_CURRENT_ENV?: unknown };

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Only the mini-program has `wx.cloud`; the H5 preview reaches the local emulator over HTTP instead.
    if (process.env.TARO_ENV === 'weapp') {
      const cloud = Taro.cloud as CloudWithDynamicEnv;
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as string, traceUser: true });
    }
  });
  return children;
}

export default App;
