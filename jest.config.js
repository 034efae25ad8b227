// Jest projects that can run alone (`npm run test:unit`, `test:integration`, `test:weapp`, `test:e2e`).
// `npm test` (scripts/test.ts) builds once, then runs them all.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@yanzhen/domain$': '<rootDir>/domain/src/index.ts' },
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/dist/'],
  testEnvironment: 'node',
};

module.exports = {
  // A global option: jest ignores testTimeout inside a project. Integration and browser tests start processes.
  testTimeout: 90_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{domain,emulator,cloudfunctions,scripts}/**/*.test.ts', '<rootDir>/client/src/**/*.test.ts'], testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.test\\.ts$'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{emulator,cloudfunctions}/**/*.int.test.ts'], globalSetup: '<rootDir>/scripts/jest/ensure-built.js' },
    // weapp: the compiled mini-program in miniprogram-simulate, which needs a DOM (jsdom).
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/client/test/weapp/**/*.test.ts'], testEnvironment: 'jsdom', globalSetup: '<rootDir>/client/test/weapp/global-setup.ts' },
    // e2e: Debian Chromium (playwright-core) against the H5 preview served by a local cloud.
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/client/test/e2e/**/*.test.ts'], globalSetup: '<rootDir>/client/test/e2e/global-setup.ts' },
  ],
};
