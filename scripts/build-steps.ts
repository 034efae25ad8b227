import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './local-cloud';

/** Newest modification time under a folder (skipping node_modules and build outputs). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.swc' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function newestPath(path: string): number {
  if (!existsSync(path)) return 0;
  return statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs;
}

const STEP_LABELS: Record<string, string> = {
  'build:functions': 'cloud functions',
  'build:emulator': 'local cloud',
  'build:h5': 'H5 preview',
  'build:weapp': 'mini-program (weapp)',
};

/**
 * One progress line per build step with its time. The tools' own output (webpack's progress and
 * warnings that need no action) is kept out of the console unless the step fails, when all of it is shown.
 */
function run(script: string): void {
  const label = STEP_LABELS[script] ?? script;
  const hint = script === 'build:h5' || script === 'build:weapp' ? ' (a minute or more the first time)' : '';
  process.stdout.write(`building ${label}${hint} …\n`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`building ${label} failed after ${seconds} s (npm run ${script}); its output is above`);
  }
  console.log(`built ${label} in ${seconds} s`);
}

/** The client builds take 10-20 s each: skip one when its output is newer than every source it reads. */
export function clientIsFresh(target: 'h5' | 'weapp'): boolean {
  const marker = join(PROJECT_ROOT, 'build', target, target === 'h5' ? 'index.html' : 'app.js');
  if (!existsSync(marker)) return false;
  const sources = Math.max(...['client/src', 'client/config', 'client/package.json', 'domain/src'].map((p) => newestPath(join(PROJECT_ROOT, p))));
  return statSync(marker).mtimeMs > sources;
}

export function buildAll(targets: { h5: boolean; weapp: boolean }): void {
  run('build:functions');
  run('build:emulator');
  if (targets.h5 && !clientIsFresh('h5')) run('build:h5');
  if (targets.weapp && !clientIsFresh('weapp')) run('build:weapp');
}
