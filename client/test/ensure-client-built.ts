import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/local-cloud';

/**
 * Shared by the globalSetup of the `weapp` and `e2e` projects (one file each: jest runs a given globalSetup
 * path only once even when several projects name it). `npm test` builds everything first (YANZHEN_BUILT=1);
 * a project run alone builds the emulator and functions (the shared ensure-built step), then the client target
 * it drives when the sources that go into it changed since its last build; e2e also makes sure Chromium exists.
 */
const CLIENT_INPUTS = ['client/src', 'client/config', 'client/babel.config.js', 'client/package.json', 'domain/src'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newestMtime(join(path, name))), stat.mtimeMs);
}

function isFresh(target: 'h5' | 'weapp'): boolean {
  const marker = join(PROJECT_ROOT, 'build', target, target === 'h5' ? 'index.html' : 'app.js');
  if (!existsSync(marker)) return false;
  const inputs = Math.max(...CLIENT_INPUTS.map((p) => newestMtime(join(PROJECT_ROOT, p))));
  return statSync(marker).mtimeMs > inputs;
}

export async function ensureClientBuilt(target: 'h5' | 'weapp'): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS jest setup file shared with the other projects
  const ensureBuilt = require('../../scripts/jest/ensure-built.js') as () => Promise<void>;
  await ensureBuilt();
  if (target === 'h5') {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'ensure-chromium.mjs')], { stdio: 'inherit' });
  }
  if (process.env.YANZHEN_BUILT === '1' || isFresh(target)) return;
  console.log(`\n> npm run build:${target}`);
  // jest sets NODE_ENV=test, and Taro keeps an inherited NODE_ENV: without this the build is an untree-shaken
  // development-style bundle (2 MB of NutUI in vendors.js).
  execFileSync('npm', ['run', `build:${target}`], { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
