/**
 * `npm test`: every test. Makes sure Chromium is there (installs Debian's package when allowed), builds
 * everything once, then runs all jest projects (unit, integration, weapp, e2e) against those builds.
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from './build-steps';
import { PROJECT_ROOT } from './local-cloud';

interface JestSummary { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number }

function main(): number {
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
    // A closing line CI can read whatever the runner: "N passed, N failed".
    console.log(`\njest: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
    if (summary.numTotalTests === 0) return 1;
  } catch {
    console.log('\njest: 0 passed, 1 failed (no report was written)');
    return 1;
  }
  return result.status ?? 1;
}

process.exit(main());
