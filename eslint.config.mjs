// ESLint (flat config): `npm run lint`, also run by `npm test` before jest.
// TypeScript is linted type-aware (typescript-eslint `recommendedTypeChecked`): the point is the bugs types reveal,
// floating or misused promises, `any` flowing into typed code, hooks called conditionally; not style (formatting
// is left to the editor). Each rule switched off or relaxed below says why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The few Node globals the plain JavaScript files (build scripts, jest config, test fixtures) use.
const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate']
    .map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    // Build outputs, local data and generated files.
    ignores: ['**/node_modules/', 'build/', '**/dist/', '.data/', '.tmp/', '.swc/', 'coverage/', '**/*.d.ts'],
  },
  {
    // An `eslint-disable` comment that silences nothing (or names a rule that never fires there) is reported,
    // so the remaining ones keep meaning something.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is typed by its nearest tsconfig: client/tsconfig.json for the client (it maps @tarojs/taro),
        // the root tsconfig.json for domain, emulator, cloud functions and scripts.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are errors, except the conventional `_`-prefixed ones (ignored parameters and rest
      // siblings used to drop a field from an object).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true,
      }],
      // Event handlers (onClick={async () => ...}) may return promises: React and Taro ignore the return value,
      // and every such handler in the client catches its own errors. Still checked: promises passed where a
      // condition or a spread is expected.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `async` without `await` is a harmless way to answer a promise (handlers keyed by operation all answer one,
      // test stubs stand in for async functions); the real bug, a forgotten `await`, is no-floating-promises'.
      '@typescript-eslint/require-await': 'off',
      // Numbers and booleans in template strings are intended (messages, keys, paths); objects still are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Tests and benchmarks drive untyped surfaces on purpose: the real wx-server-sdk (`emulator/test/sdk.ts`),
    // miniprogram-simulate, values read back from a browser page. There an `any` ends in an `expect(...)`, where
    // a wrong shape fails the test, so the no-unsafe-* family would only add casts. The promise rules stay on:
    // an un-awaited assertion is a test that cannot fail.
    files: ['**/*.test.ts', '**/*.test.tsx', 'emulator/test/**', 'emulator/bench/**', 'client/test/**',
      'cloudfunctions/test-support/**', '**/*.bench.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['client/src/**/*.tsx', 'client/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error: a missing dependency is a stale value on screen. Where an effect deliberately runs on a
      // narrower trigger, the line says so with a disable comment and its reason.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
