import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';

// Taro build configuration shared by the weapp and H5 builds.
// Outputs go to <repo>/build/<platform>: project.config.json's miniprogramRoot is build/weapp/, and the
// emulator serves build/h5 at `/`.
const clientRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(clientRoot, '..');
const domainSrc = path.join(repoRoot, 'domain', 'src');

/** NutUI is drawn on a 375-wide design; our own styles on the usual 750. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file?.replace(/\\+/g, '/') ?? '') : '';
  return file.includes('@nutui') ? 375 : 750;
}

type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];

/**
 * npm nests some Taro packages under client/node_modules, where files outside client/ (NutUI in the root
 * node_modules, domain/src) cannot find them by walking up; make that folder a resolution root too.
 */
function useWorkspace(chain: WebpackChain): void {
  chain.resolve.modules.add('node_modules').add(path.join(clientRoot, 'node_modules'));
  // Always write outputs, so their modification time tells scripts/build-steps.ts the build is fresh.
  chain.output.set('compareBeforeEmit', false);
  chain.performance.hints(false);
  chain.resolve.alias.set('@yanzhen/domain$', path.join(domainSrc, 'index.ts'));
  // @yanzhen/domain is TypeScript source outside client/ (compiled thanks to compile.include): it has no side
  // effects, so webpack may drop the parts the client does not use.
  chain.module.rule('yanzhen-domain-pure').test(/\.ts$/).include.add(domainSrc).end().set('sideEffects', false);
}

/**
 * The root node_modules holds PostCSS 7 (miniprogram-simulate needs it), and the hoisted postcss-loader would
 * load that one; Taro's plugins need PostCSS 8, which npm put in client/node_modules. Pin the loader to it.
 */
const postcss8 = require.resolve('postcss', { paths: [clientRoot] });
// The slice of webpack-chain's rule API used below (its typings nest rule types in a way a recursive visit cannot name).
interface RuleLike {
  uses: { values(): { get(key: string): unknown; tap(f: (o: Record<string, unknown>) => Record<string, unknown>): unknown }[] };
  oneOfs: { values(): RuleLike[] };
  rules: { values(): RuleLike[] };
}

function usePostcss8(chain: WebpackChain): void {
  const visit = (rule: RuleLike): void => {
    rule.uses.values().forEach((use) => {
      if (String(use.get('loader')).includes('postcss-loader')) use.tap((options) => ({ ...options, implementation: postcss8 }));
    });
    rule.oneOfs.values().forEach(visit);
    rule.rules.values().forEach(visit);
  };
  chain.module.rules.values().forEach((rule) => visit(rule));
}

/**
 * H5 only: npm left two copies of @tarojs/router (client/node_modules and under @tarojs/taro-h5). The app entry
 * and taro-h5's navigation APIs must share one, or switchTab finds no history ("reading 'listen'").
 */
const routerDir = path.dirname(require.resolve('@tarojs/router/package.json', { paths: [clientRoot] }));

export default defineConfig<'webpack5'>(async (merge) => {
  // Taro keeps an inherited NODE_ENV; under jest it is "test", which silently yields an untree-shaken bundle
  // (2 MB of NutUI in vendors.js). Refuse instead of producing that.
  if (process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'development') {
    throw new Error(`Taro build with NODE_ENV=${process.env.NODE_ENV}: run it with NODE_ENV=production (or unset)`);
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yanzhen',
    date: '2025-11-25',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../build/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Plain progress lines instead of a redrawn bar: readable in CI logs.
    logger: { quiet: true, stats: false },
    compiler: 'webpack5',
    // Persistent webpack cache (node_modules/.cache): a second build of an unchanged tree takes about a third.
    cache: {
      enable: true,
      buildDependencies: {
        config: [__filename, path.join(__dirname, 'dev.ts'), path.join(__dirname, 'prod.ts'), path.join(clientRoot, 'babel.config.js')],
      },
    },
    mini: {
      compile: { include: [domainSrc] },
      // Pages import shared component styles in different orders; the order of those rules does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        useWorkspace(chain);
        usePostcss8(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: [domainSrc] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        useWorkspace(chain);
        usePostcss8(chain);
        chain.resolve.alias.set('@tarojs/router$', routerDir);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
