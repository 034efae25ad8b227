import { HttpError, sendJson, type Route } from '../server';
import type { CallerIdentity, LogSink } from '../types';
import type { FunctionsConfig } from './config';
import { chinaWallClock, CronSchedule } from './cron';
import type { FunctionsClock } from './fake-clock';
import type { InvocationResult } from './runtime';

/**
 * Timer triggers, as CloudBase runs them: a function's `triggers` in cloudbaserc.json
 * (`[{ name, type: "timer", config: "<7-field cron>" }]`) fire on schedule, read in China time (UTC+8),
 * with the event `{ Type: 'Timer', TriggerName, Time }` (`Time`: the scheduled second, UTC ISO) and no
 * caller: the function sees no OPENID. With the fake clock (YANZHEN_FAKE_CLOCK=1) the schedule follows the
 * functions' shifted time. `POST /api/dev/timers/<fn>/<trigger>` fires one now (tests, demos).
 */
export interface TimerTrigger {
  name: string;
  config: string;
  schedule: CronSchedule;
}

const TRIGGER_NAME = /^[A-Za-z0-9_-]{1,60}$/;

/** The timer triggers of one function entry; throws on a malformed one (the deploy dry-run says the same). */
export function readTimerTriggers(raw: unknown, where: string): TimerTrigger[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Error(`${where}: "triggers" must be an array`);
  const triggers: TimerTrigger[] = [];
  for (const t of raw as { name?: unknown; type?: unknown; config?: unknown }[]) {
    if (t?.type !== 'timer') continue; // other trigger kinds do not exist locally
    if (typeof t.name !== 'string' || !TRIGGER_NAME.test(t.name)) throw new Error(`${where}: a timer trigger needs a name (letters, digits, _ and -)`);
    if (typeof t.config !== 'string') throw new Error(`${where}: timer trigger ${t.name} needs a cron "config"`);
    try {
      triggers.push({ name: t.name, config: t.config, schedule: CronSchedule.parse(t.config) });
    } catch (err) {
      throw new Error(`${where}: timer trigger ${t.name}: ${(err as Error).message}`);
    }
  }
  return triggers;
}

/** The event CloudBase passes (SCF's timer event; its optional `Message` is not used here). */
export function timerEvent(triggerName: string, epochMs: number): Record<string, unknown> {
  return { Type: 'Timer', TriggerName: triggerName, Time: new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z') };
}

export interface TimerSchedulerOptions {
  config: FunctionsConfig;
  invoke: (name: string, event: Record<string, unknown>, caller: CallerIdentity) => Promise<InvocationResult>;
  exists: (name: string) => boolean;
  clock?: FunctionsClock;
  log: LogSink;
}

/** Missed seconds caught up after a stall (a busy machine); a larger jump (the fake clock moved) is not replayed. */
const MAX_CATCH_UP_SECONDS = 60;
const TICK_MS = 1000;

export class TimerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private lastSecond: number | undefined;
  private fired = 0;

  constructor(private readonly opts: TimerSchedulerOptions) {}

  /** The functions' time: real, or shifted by the fake clock. */
  private now(): number {
    return Date.now() + (this.opts.clock?.offsetMs ?? 0);
  }

  get triggerCount(): number {
    let n = 0;
    for (const fn of this.opts.config.functions.values()) n += fn.triggers.length;
    return n;
  }

  stats(): { triggers: number; fired: number } {
    return { triggers: this.triggerCount, fired: this.fired };
  }

  start(): void {
    if (this.timer || this.triggerCount === 0) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Fires the trigger once now, as the schedule would; undefined when no such function or trigger exists. */
  fire(functionName: string, triggerName: string, epochMs = this.now()): Promise<InvocationResult> | undefined {
    const trigger = this.opts.config.functions.get(functionName)?.triggers.find((t) => t.name === triggerName);
    if (!trigger || !this.opts.exists(functionName)) return undefined;
    this.fired++;
    // No user: CloudBase runs a timer with no OPENID (TCB_SOURCE for timers is not documented; chosen empty).
    return this.opts.invoke(functionName, timerEvent(triggerName, epochMs), { openId: '', appId: '', source: '' });
  }

  private tick(): void {
    const second = Math.floor(this.now() / 1000);
    const last = this.lastSecond;
    this.lastSecond = second;
    // First tick, the clock moved back, or a jump: check this second only.
    const from = last === undefined || second <= last || second - last > MAX_CATCH_UP_SECONDS ? second : last + 1;
    for (let s = from; s <= second; s++) {
      const wall = chinaWallClock(s * 1000);
      for (const fn of this.opts.config.functions.values()) {
        for (const trigger of fn.triggers) {
          if (!trigger.schedule.matches(wall)) continue;
          const run = this.fire(fn.name, trigger.name, s * 1000);
          void run?.then((outcome) => {
            if (!outcome.ok) this.opts.log('warn', `${fn.name} timer ${trigger.name}`, `failed: ${outcome.errMsg}`);
          });
        }
      }
    }
  }
}

/** `POST /api/dev/timers/<function>/<trigger>` → `{ requestId, result }` (the function's answer), 404 if unknown. */
export function timerRoute(scheduler: TimerScheduler): Route {
  return async (req, res, url) => {
    const m = /^\/api\/dev\/timers\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!m) return false;
    req.resume();
    if (req.method !== 'POST') throw new HttpError(405, 'use POST');
    const [fn, trigger] = [decodeURIComponent(m[1]), decodeURIComponent(m[2])];
    const run = scheduler.fire(fn, trigger);
    if (!run) throw new HttpError(404, `function ${fn} has no timer trigger ${trigger} (cloudbaserc.json "triggers")`);
    const outcome = await run;
    if (!outcome.ok) {
      sendJson(res, 500, { errCode: -504002, errMsg: `functions execute fail | requestId ${outcome.requestId} | ${outcome.errMsg}`, requestId: outcome.requestId });
      return true;
    }
    sendJson(res, 200, { requestId: outcome.requestId, result: JSON.parse(outcome.json) as unknown });
    return true;
  };
}
