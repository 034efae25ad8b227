import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator, type StartOptions } from '../src/emulator';

/**
 * Starts the whole emulator in-process on a free port with the fixture functions
 * (emulator/test/fixtures/functions, plain JS that uses the real wx-server-sdk) and a temp data folder.
 * Functions run in build/emulator/worker.js (jest's globalSetup builds it).
 */
export const FIXTURES = join(__dirname, 'fixtures');
export const FIXTURE_FUNCTIONS = join(FIXTURES, 'functions');

export interface LogLine {
  level: string;
  source: string;
  text: string;
}

export interface TestEmulator {
  emulator: Emulator;
  url: string;
  dataDir: string;
  logs: LogLine[];
  login(openid: string): Promise<string>;
  /** POST /api/functions/<name> as the user of `token`. */
  call(name: string, event: unknown, token: string | undefined): Promise<{ status: number; body: FunctionReply }>;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export interface FunctionReply {
  // Tests assert on whatever a fixture returns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result?: any;
  errCode?: number;
  errMsg?: string;
}

export async function startTestEmulator(overrides: StartOptions = {}): Promise<TestEmulator> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'yanzhen-emu-'));
  const logs: LogLine[] = [];
  const emulator = await startEmulator({
    port: 0,
    functionsDir: FIXTURE_FUNCTIONS,
    functionsConfigPath: join(FIXTURES, 'cloudbaserc.json'),
    localEnvPath: join(FIXTURES, 'local.env.json'),
    databaseSpecPath: join(FIXTURES, 'database.json'),
    staticDir: join(dataDir, 'no-h5-build'),
    log: (level, source, text) => logs.push({ level, source, text }),
    ...overrides,
    dataDir,
  });
  const url = emulator.url;
  return {
    emulator,
    url,
    dataDir,
    logs,
    async login(openid) {
      const res = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async call(name, event, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${url}/api/functions/${name}`, { method: 'POST', headers, body: JSON.stringify(event) });
      return { status: res.status, body: (await res.json()) as FunctionReply };
    },
    async close(opts = {}) {
      await emulator.close();
      if (!opts.keepData && !overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
