/**
 * A fake clock for cloud-function instances, for tests only (local mode): when the local cloud starts
 * with `YANZHEN_FAKE_CLOCK=1`, `POST /api/dev/clock {"offsetMs": n}` shifts what `Date` says inside every
 * function instance by n ms from then on (0 = the real time again). The functions keep reading the time
 * as in production (`new Date()`, `Date.now()`); only the runtime around them differs, so no function
 * code path exists for local mode. Without the variable nothing is patched and the endpoint is absent.
 * The database, sessions and storage keep the real time.
 */
export const FAKE_CLOCK_VARIABLE = 'YANZHEN_FAKE_CLOCK';

/** The main thread's setting, sent with every invocation. */
export class FunctionsClock {
  offsetMs = 0;
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): FunctionsClock | undefined {
    return env[FAKE_CLOCK_VARIABLE] === '1' ? new FunctionsClock() : undefined;
  }
}

let workerOffsetMs = 0;
let installed = false;

/**
 * In a worker thread: makes `Date` run `offsetMs` ahead (or behind). Installed on first use, so an
 * instance of a local cloud without the fake clock never carries the patch.
 */
export function setWorkerClock(offsetMs: number): void {
  workerOffsetMs = offsetMs;
  if (installed) return;
  installed = true;
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + workerOffsetMs);
      else super(...(args as [string | number | Date]));
    }
    static now(): number {
      return RealDate.now() + workerOffsetMs;
    }
  }
  // Dates made before the patch, or by Node itself, still count as Dates (zod's z.date(), the SDK's EJSON).
  Object.defineProperty(ShiftedDate, Symbol.hasInstance, { value: (v: unknown) => v instanceof RealDate });
  globalThis.Date = ShiftedDate as DateConstructor;
}
