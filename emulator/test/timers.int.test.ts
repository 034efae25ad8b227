import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

/**
 * Timer triggers declared in cloudbaserc.json run in the local cloud as on CloudBase: on schedule (China
 * time), with the event { Type: 'Timer', TriggerName, Time } and no caller; one can be fired now over HTTP.
 */
interface Tick {
  event: { Type: string; TriggerName: string; Time: string };
  openid: string | null;
}

function writeConfig(dir: string, triggers: unknown[]): string {
  const path = join(dir, 'cloudbaserc.json');
  writeFileSync(path, JSON.stringify({ envId: 'yanzhen-test', functions: [{ name: 'ticker', timeout: 10, triggers }] }));
  return path;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ticks(emu: TestEmulator): Promise<Tick[]> {
  const token = await emu.login('timer-reader');
  const { body } = await emu.call('ticker', { action: 'list' }, token);
  return body.result as Tick[];
}

describe('timer triggers', () => {
  let dir: string;
  let emu: TestEmulator | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yanzhen-timers-'));
  });
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires a trigger now on POST /api/dev/timers/<fn>/<trigger>, with the timer event and no caller', async () => {
    // A schedule that never comes round during the test (1 January 2099, 03:00 China time).
    emu = await startTestEmulator({ functionsConfigPath: writeConfig(dir, [{ name: 'nightly', type: 'timer', config: '0 0 3 1 1 * 2099' }]) });
    const res = await fetch(`${emu.url}/api/dev/timers/ticker/nightly`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { event: Tick['event']; openid: string | null } };
    expect(result.event).toMatchObject({ Type: 'Timer', TriggerName: 'nightly' });
    expect(result.event.Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(result.event.Time) - Date.now())).toBeLessThan(5000);
    expect(result.openid).toBeNull();
    expect((await fetch(`${emu.url}/api/dev/timers/ticker/other`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${emu.url}/api/dev/timers/nobody/nightly`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${emu.url}/api/dev/timers/ticker/nightly`)).status).toBe(405);
    expect(await ticks(emu)).toHaveLength(1);
    expect(((await (await fetch(`${emu.url}/api/dev/stats`)).json()) as { timers: unknown }).timers).toEqual({ triggers: 1, fired: 1 });
  });

  it('runs a trigger on its schedule', async () => {
    emu = await startTestEmulator({ functionsConfigPath: writeConfig(dir, [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }]) });
    await sleep(3500);
    const seen = await ticks(emu);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((t) => t.event.TriggerName === 'everySecond' && t.openid === null)).toBe(true);
    // One invocation per scheduled second.
    expect(new Set(seen.map((t) => t.event.Time)).size).toBe(seen.length);
  });

  it('reads the schedule in China time and follows the fake clock', async () => {
    const previous = process.env.YANZHEN_FAKE_CLOCK;
    process.env.YANZHEN_FAKE_CLOCK = '1';
    try {
      // 09:00:00 on 1 January 2030 in China is 01:00:00 UTC.
      emu = await startTestEmulator({ functionsConfigPath: writeConfig(dir, [{ name: 'morning', type: 'timer', config: '0 0 9 1 1 * 2030' }]) });
      const target = Date.parse('2030-01-01T00:59:58Z');
      await fetch(`${emu.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ offsetMs: target - Date.now() }) });
      await sleep(4000);
      const seen = await ticks(emu);
      expect(seen.map((t) => t.event.Time)).toEqual(['2030-01-01T01:00:00Z']);
    } finally {
      if (previous === undefined) delete process.env.YANZHEN_FAKE_CLOCK;
      else process.env.YANZHEN_FAKE_CLOCK = previous;
    }
  });

  it('refuses to start with a malformed trigger, saying which', async () => {
    await expect(startTestEmulator({ functionsConfigPath: writeConfig(dir, [{ name: 'bad', type: 'timer', config: '0 2 * * *' }]) })).rejects.toThrow(/ticker: timer trigger bad: cron "0 2 \* \* \*" has 5 fields/);
  });
});
