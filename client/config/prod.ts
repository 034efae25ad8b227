import type { UserConfigExport } from '@tarojs/cli';

// Production builds (the default for `taro build`): minified and tree-shaken, which keeps NutUI small.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
