import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from './functions-harness';

// Cold instances load wx-server-sdk (about a CPU-second each on a busy 2-core machine).
jest.setTimeout(60_000);

/** The function runtime, driven over HTTP as the H5 preview does, with fixtures that use the real SDK. */
describe('function runtime', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startTestEmulator();
    token = await emu.login('user-main');
  });
  afterAll(() => emu.close());

  it('runs a function as the logged-in user with the platform context', async () => {
    const { status, body } = await emu.call('whoami', { echo: 'hi' }, token);
    expect(status).toBe(200);
    expect(body.result.after).toMatchObject({ OPENID: 'user-main', APPID: 'touristappid', ENV: 'yanzhen-test', SOURCE: 'wx_client' });
    expect(body.result.userInfo).toEqual({ appId: 'touristappid', openId: 'user-main' });
    expect(body.result.echo).toBe('hi');
  });

  it('gives each of 50 overlapping callers their own OPENID, before and after an await', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `overlap-user-${i}`);
    const tokens = await Promise.all(users.map((u) => emu.login(u)));
    const replies = await Promise.all(users.map((u, i) => emu.call('whoami', { delayMs: (i * 7) % 60, echo: u }, tokens[i])));
    replies.forEach(({ status, body }, i) => {
      expect(status).toBe(200);
      expect(body.result.echo).toBe(users[i]);
      expect(body.result.before.OPENID).toBe(users[i]);
      expect(body.result.after.OPENID).toBe(users[i]);
      expect(body.result.userInfo.openId).toBe(users[i]);
    });
    // One invocation per instance at a time, and the pool stays within its cap.
    expect(emu.emulator.runtime.stats().instances.whoami).toBeLessThanOrEqual(8);
  });

  it('answers 500 with the timeout error and recovers with a fresh instance', async () => {
    const crashesBefore = emu.emulator.runtime.stats().crashes;
    const started = Date.now();
    const timedOut = await emu.call('slow', { ms: 5000 }, token);
    expect(timedOut.status).toBe(500);
    expect(timedOut.body.errCode).toBe(-504003);
    expect(timedOut.body.errMsg).toContain('timed out after 1 seconds');
    expect(Date.now() - started).toBeLessThan(4000);
    const next = await emu.call('slow', { ms: 10 }, token);
    expect(next).toEqual({ status: 200, body: { result: { waited: 10 } } });
    // The lost instance is counted (the fuzzer reads it from /api/dev/stats).
    expect(emu.emulator.runtime.stats().crashes).toBe(crashesBefore + 1);
  });

  it('answers 500 with the error message when a function throws', async () => {
    const thrown = await emu.call('boom', { why: 'bad input' }, token);
    expect(thrown.status).toBe(500);
    expect(thrown.body.errCode).toBe(-504002);
    expect(thrown.body.errMsg).toContain('Error: boom: bad input');
    const plain = await emu.call('boom', { plain: true }, token);
    expect(plain.status).toBe(500);
    expect(plain.body.errMsg).toContain('plain object thrown');
    // The instance survives a throw: a thrown error is an answer, not a crash.
    expect((await emu.call('whoami', {}, token)).status).toBe(200);
  });

  it('prints function console output tagged with the function name and request id', async () => {
    const { body } = await emu.call('whoami', {}, token);
    const requestId = body.result.requestId as string;
    expect(emu.logs).toContainEqual({ level: 'log', source: `whoami ${requestId}`, text: 'whoami called by user-main' });
  });

  it('gives functions their envVariables, overridden by local.env.json', async () => {
    const { body } = await emu.call('envcheck', {}, token);
    expect(body.result).toEqual({ ADMIN_OPENIDS: 'fixture-admin', GREETING: 'hello', RUNENV: 'SCF' });
  });

  it('runs cloud.callFunction callees as the same user, and reports callee failures', async () => {
    const ok = await emu.call('relay', { target: 'whoami', data: { echo: 'via relay' } }, token);
    expect(ok.status).toBe(200);
    expect(ok.body.result.me).toBe('user-main');
    expect(ok.body.result.result.after).toMatchObject({ OPENID: 'user-main', SOURCE: 'wx_server' });
    expect(ok.body.result.result.echo).toBe('via relay');
    const failed = await emu.call('relay', { target: 'boom', data: { why: 'nested' } }, token);
    expect(failed.body.result.thrown).toBe(true);
    expect(failed.body.result.errMsg).toContain('boom: nested');
    const missing = await emu.call('relay', { target: 'no-such-function' }, token);
    expect(missing.body.result.thrown).toBe(true);
    expect(missing.body.result.errMsg).toContain('not found');
  });

  it('refuses calls without a valid token (401) and unknown functions (404)', async () => {
    expect((await emu.call('whoami', {}, undefined)).status).toBe(401);
    const bad = await emu.call('whoami', {}, 'not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.body.errCode).toBe(-1);
    expect(typeof bad.body.errMsg).toBe('string');
    expect((await emu.call('no-such-function', {}, token)).status).toBe(404);
    expect((await emu.call('..%2Fsecret', {}, token)).status).toBe(404);
  });

  it('rejects malformed and oversized bodies', async () => {
    const post = (body: string) =>
      fetch(`${emu.url}/api/functions/whoami`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    expect((await post('')).status).toBe(200);
    expect((await post(JSON.stringify({ big: 'x'.repeat(1024 * 1024 + 10) }))).status).toBe(413);
  });
});

describe('instance cap', () => {
  it('queues calls beyond the cap without counting the wait against the timeout', async () => {
    const emu = await startTestEmulator({ maxWorkersPerFunction: 1 });
    try {
      const token = await emu.login('queued');
      const started = Date.now();
      // Timeout is 1 s; three calls of 600 ms each on one instance take 1.8 s in all.
      const replies = await Promise.all([1, 2, 3].map(() => emu.call('slow', { ms: 600 }, token)));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1800);
      expect(emu.emulator.runtime.stats().instances.slow).toBe(1);
    } finally {
      await emu.close();
    }
  });
});

describe('function code reload', () => {
  it('loads the new index.js after a rebuild without a restart', async () => {
    const functionsDir = mkdtempSync(join(tmpdir(), 'yanzhen-fns-'));
    mkdirSync(join(functionsDir, 'version'));
    const entry = join(functionsDir, 'version', 'index.js');
    writeFileSync(entry, 'exports.main = async () => 1;');
    const emu = await startTestEmulator({ functionsDir });
    try {
      const token = await emu.login('reloader');
      expect((await emu.call('version', {}, token)).body.result).toBe(1);
      writeFileSync(entry, 'exports.main = async () => 2;');
      const later = new Date(Date.now() + 5000);
      utimesSync(entry, later, later);
      expect((await emu.call('version', {}, token)).body.result).toBe(2);
    } finally {
      await emu.close();
      rmSync(functionsDir, { recursive: true, force: true });
    }
  });
});

/** A folder of plain-JS functions (no SDK) written by the test, for runtime behaviours of one instance. */
function functionsFolder(sources: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yanzhen-fns-'));
  for (const [name, source] of Object.entries(sources)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'index.js'), source);
  }
  return dir;
}

describe('instance environment', () => {
  it('swaps the caller variables on every invocation of one instance and keeps what its code set', async () => {
    const functionsDir = functionsFolder({
      envprobe: `exports.main = async (event) => {
        const seen = { openid: process.env.WX_OPENID ?? null, source: process.env.TCB_SOURCE, mark: process.env.MARK ?? null, countType: typeof process.env.COUNT };
        process.env.MARK = event.mark;
        process.env.COUNT = 5;
        return seen;
      };`,
    });
    const emu = await startTestEmulator({ functionsDir, maxWorkersPerFunction: 1 });
    try {
      const token = await emu.login('env-user');
      const first = await emu.call('envprobe', { mark: 'first' }, token);
      expect(first.body.result).toEqual({ openid: 'env-user', source: 'wx_client', mark: null, countType: 'undefined' });
      // A server-side call (no user), as WeChat's servers or a timer would make it, on the same instance.
      const res = await fetch(`${emu.url}/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'functions.invokeFunction', function_name: 'envprobe', request_data: JSON.stringify({ mark: 'second' }) }),
      });
      const reply = (await res.json()) as { data: { response_data: string } };
      // No OPENID leaks from the previous caller; what the code put in process.env stays (a warm instance), as strings.
      expect(JSON.parse(reply.data.response_data)).toEqual({ openid: null, source: 'wx_server', mark: 'first', countType: 'string' });
      expect(emu.emulator.runtime.stats().instances.envprobe).toBe(1);
    } finally {
      await emu.close();
      rmSync(functionsDir, { recursive: true, force: true });
    }
  });

  it('loads new code when a function folder is replaced wholesale, and finds a function deployed after start', async () => {
    const functionsDir = functionsFolder({ version: 'exports.main = async () => 1;' });
    const emu = await startTestEmulator({ functionsDir });
    try {
      const token = await emu.login('redeployer');
      expect((await emu.call('version', {}, token)).body.result).toBe(1);
      rmSync(join(functionsDir, 'version'), { recursive: true });
      mkdirSync(join(functionsDir, 'version'));
      writeFileSync(join(functionsDir, 'version', 'index.js'), 'exports.main = async () => 2;');
      // The watch on the old folder is gone; the periodic check (1 s) still sees the new file.
      const deadline = Date.now() + 5000;
      let result: unknown;
      while (Date.now() < deadline && (result = (await emu.call('version', {}, token)).body.result) !== 2) await new Promise((r) => setTimeout(r, 100));
      expect(result).toBe(2);
      mkdirSync(join(functionsDir, 'later'));
      writeFileSync(join(functionsDir, 'later', 'index.js'), 'exports.main = async () => "later";');
      expect((await emu.call('later', {}, token)).body.result).toBe('later');
    } finally {
      await emu.close();
      rmSync(functionsDir, { recursive: true, force: true });
    }
  });
});
