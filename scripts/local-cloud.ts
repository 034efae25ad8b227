import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREPARING_MARKER } from '../emulator/src/static/service';

/**
 * Starts the built local cloud (build/emulator/main.js) as its own process, as `npm start` does, for
 * tests and benchmarks: a free port, a temp data folder (unless one is given) and, if asked, demo data.
 */
export const PROJECT_ROOT = join(__dirname, '..');

export interface LocalCloud {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** SIGTERM and wait; removes a temp data folder. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash; keeps the data folder. */
  kill(): Promise<void>;
}

// Pages say "正在准备演示数据" while this file is in the data folder.
export { PREPARING_MARKER };

export interface LocalCloudOptions {
  port?: number;
  dataDir?: string;
  /** Seed demo data before resolving; until it is done, pages show the "preparing" notice. */
  seed?: boolean;
  /** Extra environment for the emulator process. */
  env?: NodeJS.ProcessEnv;
  quiet?: boolean;
}

const LISTENING = /Yanzhen local cloud listening on (http:\/\/[^\s]+)/;

function waitForExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const main = join(PROJECT_ROOT, 'build', 'emulator', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build:emulator first`);
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'yanzhen-cloud-'));
  const tempDir = opts.dataDir ? undefined : dataDir;
  const marker = join(dataDir, PREPARING_MARKER);
  if (opts.seed) {
    // Before the server listens, so no page is ever served from a half-seeded database.
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(marker, 'seeding demo data\n');
  }
  const child = spawn(process.execPath, [main, '--port', String(opts.port ?? 0), '--data-dir', dataDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EXIT_WITH_PARENT: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (!opts.quiet) process.stdout.write(text);
      seen += text;
      const m = LISTENING.exec(seen);
      if (m) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (opts.quiet ? undefined : process.stderr.write(c)));
    child.once('exit', (code) => reject(new Error(`local cloud exited (${code}) before listening:\n${seen}`)));
  });
  const port = Number(new URL(url).port);
  if (opts.seed) {
    await seedLocalCloud(url, opts.quiet);
    rmSync(marker, { force: true });
  }
  return {
    url,
    port,
    dataDir,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}

/** Writes the demo data through the real SDK, in a child process so the SDK's global state stays there. */
export function seedLocalCloud(url: string, quiet = false): Promise<void> {
  const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(PROJECT_ROOT, 'scripts', 'seed', 'main.ts'), url], {
      cwd: PROJECT_ROOT,
      stdio: quiet ? 'ignore' : 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (exit ${code})`))));
  });
}
