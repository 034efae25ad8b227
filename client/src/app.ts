import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

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
