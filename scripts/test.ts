/**
 * `npm test`: every test. Lints (ESLint, type-aware), makes sure Chromium is there (installs Debian's package
 * when allowed), builds everything once, then runs all jest projects (unit, integration, weapp, e2e) against
 * those builds. A lint error fails the run, after the tests have run too (one run shows every problem).
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from './build-steps';
import { PROJECT_ROOT } from './local-cloud';

interface JestSummary { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number }

/** `npm run lint`, its findings printed as they come; true when it passed. */
function lint(): boolean {
  const eslint = join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const started = Date.now();
  const result = spawnSync(process.execPath, [eslint, '.'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  console.log(`lint: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function main(): number {
  const linted = lint();
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'ensure-chromium.mjs')], { stdio: 'inherit' });
  buildAll({ h5: true, weapp: true });
  const report = join(mkdtempSync(join(tmpdir(), 'yanzhen-jest-')), 'report.json');
  const jest = join(PROJECT_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, [jest, '--maxWorkers=2', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, YANZHEN_BUILT: '1' },
  });
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8')) as JestSummary;
    if (!linted) console.log('\nlint failed: its findings are at the start of this output (npm run lint)');
    // A closing line CI can read whatever the runner: "N passed, N failed".
    console.log(`\njest: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
    if (summary.numTotalTests === 0) return 1;
  } catch {
    console.log('\njest: 0 passed, 1 failed (no report was written)');
    return 1;
  }
  return linted ? (result.status ?? 1) : 1;
}

process.exit(main());
