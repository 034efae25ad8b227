import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud';
import { FIXTURE_FUNCTIONS, FIXTURES } from './functions-harness';

jest.setTimeout(120_000);

/**
 * The built CLI (build/emulator/main.js) as its own process: every insert acknowledged through the SDK
 * (fixture `store`, inside a function) before a `kill -9` is there after a restart.
 */
const ENV = {
  FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
  DATABASE_SPEC: join(FIXTURES, 'database.json'),
  CLOUDBASERC: join(FIXTURES, 'cloudbaserc.json'),
  LOCAL_ENV_FILE: join(FIXTURES, 'local.env.json'),
  PREWARM: '0',
};

async function call(cloud: LocalCloud, token: string, event: Record<string, unknown>): Promise<{ status: number; result?: unknown }> {
  const res = await fetch(`${cloud.url}/api/functions/store`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { result?: unknown };
  return { status: res.status, result: body.result };
}

describe('durability', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'yanzhen-durable-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged insert across kill -9 and restart', async () => {
    const first = await startLocalCloud({ dataDir, env: ENV, quiet: true });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = (await (await fetch(`${first.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'durable-writer' }) })).json()) as { token: string };

    const TOTAL = 400;
    const KILL_AFTER = 150;
    const acknowledged = new Set<number>();
    let next = 0;
    let killed: Promise<void> | undefined;
    // 12 writers keep inserting; once KILL_AFTER inserts are acknowledged the process is killed mid-stream.
    const writer = async () => {
      while (next < TOTAL && !killed) {
        const n = next++;
        try {
          const reply = await call(first, token.token, { action: 'insert', n });
          if (reply.status === 200) acknowledged.add(n);
        } catch {
          // The connection died with the process: not acknowledged.
        }
        if (acknowledged.size >= KILL_AFTER && !killed) killed = first.kill();
      }
    };
    await Promise.all(Array.from({ length: 12 }, writer));
    await killed;
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await startLocalCloud({ dataDir, env: ENV, quiet: true });
    try {
      // The dev session survived too: the same token works after the restart.
      const listed = await call(second, token.token, { action: 'list' });
      expect(listed.status).toBe(200);
      const stored = new Set(listed.result as number[]);
      const lost = [...acknowledged].filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
    } finally {
      await second.stop();
    }
    // SIGTERM closes cleanly.
    expect(second.process.exitCode).toBe(0);
  });
});
