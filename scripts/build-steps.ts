import { execFileSync } from 'node:child_process';
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

function run(script: string): void {
  console.log(`\n> npm run ${script}`);
  execFileSync('npm', ['run', script], { cwd: PROJECT_ROOT, stdio: 'inherit' });
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
