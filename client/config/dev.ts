import type { UserConfigExport } from '@tarojs/cli';

// Watch builds (`npm run dev:h5`). Note: dev builds prebundle all of NutUI into one vendor file that is
// over the 2 MB main-package limit for weapp; use production builds for the simulator and uploads.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
