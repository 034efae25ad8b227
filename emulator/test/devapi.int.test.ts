import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('dev API', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it('logs in with a valid OpenID and refuses invalid ones', async () => {
    const ok = await post(`${emu.url}/api/dev/login`, JSON.stringify({ openid: 'demo-secretary_1' }));
    expect(ok.status).toBe(200);
    const { token } = (await ok.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    for (const body of ['{"openid":""}', JSON.stringify({ openid: 'x'.repeat(65) }), '{"openid":"a b"}', '{"openid":"中文"}', '{"openid":5}', '{}', 'not json']) {
      const res = await post(`${emu.url}/api/dev/login`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errCode: number }).errCode).toBe(-1);
    }
    expect((await post(`${emu.url}/api/dev/login`, JSON.stringify({ openid: 'x'.repeat(64) }))).status).toBe(200);
  });

  it('keeps sessions across a restart on the same data folder', async () => {
    const token = await emu.login('persistent-user');
    const dataDir = emu.dataDir;
    await emu.close({ keepData: true });
    emu = await startTestEmulator({ dataDir });
    const { status, body } = await emu.call('whoami', {}, token);
    expect(status).toBe(200);
    expect(body.result.after.OPENID).toBe('persistent-user');
  });

  it('counts database operations in the stats', async () => {
    const read = async () => ((await (await fetch(`${emu.url}/api/dev/stats`)).json()) as { database: { operations: number; byAction: Record<string, number> } }).database;
    const before = await read();
    const token = await emu.login('stats-user');
    expect((await emu.call('store', { action: 'insert', n: 1 }, token)).status).toBe(200);
    const after = await read();
    expect(after.operations).toBe(before.operations + 1);
    expect(after.byAction['database.insertDocument']).toBe((before.byAction['database.insertDocument'] ?? 0) + 1);
  });

  it('answers 404 for unknown dev endpoints', async () => {
    expect((await fetch(`${emu.url}/api/dev/nothing`)).status).toBe(404);
  });
});

describe('H5 preview files', () => {
  let emu: TestEmulator;
  let parent: string;

  beforeAll(async () => {
    // <parent>/h5 is served; <parent>/outside-secret.txt must stay unreachable.
    parent = mkdtempSync(join(tmpdir(), 'yanzhen-h5-'));
    const staticDir = join(parent, 'h5');
    mkdirSync(join(staticDir, 'js'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>雁阵</title>');
    writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log(1)');
    writeFileSync(join(parent, 'outside-secret.txt'), 'secret');
    emu = await startTestEmulator({ staticDir });
  });
  afterAll(async () => {
    await emu.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves files with their content types and index.html for client routes', async () => {
    const home = await fetch(`${emu.url}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('雁阵');
    const js = await fetch(`${emu.url}/js/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const route = await fetch(`${emu.url}/pages/showcase/detail`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>雁阵</title>');
    expect((await fetch(`${emu.url}/js/missing.js`)).status).toBe(404);
  });

  it('never serves files outside the folder', async () => {
    const name = 'outside-secret.txt';
    for (const path of [`/../${name}`, `/%2e%2e/${name}`, `/js/..%2f..%2f${name}`, `/..%5c${name}`]) {
      const res = await fetch(`${emu.url}${path}`);
      expect(await res.text()).not.toBe('secret');
    }
  });

  it('says how to build the preview when there is none', async () => {
    const bare = await startTestEmulator();
    try {
      const res = await fetch(`${bare.url}/`);
      expect(await res.text()).toContain('npm run build:h5');
    } finally {
      await bare.close();
    }
  });
});
