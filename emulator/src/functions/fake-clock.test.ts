import { FunctionsClock, setWorkerClock } from './fake-clock';

describe('the fake clock for function instances', () => {
  it('exists only when the local cloud is started with YANZHEN_FAKE_CLOCK=1', () => {
    expect(FunctionsClock.fromEnvironment({})).toBeUndefined();
    expect(FunctionsClock.fromEnvironment({ YANZHEN_FAKE_CLOCK: '1' })?.offsetMs).toBe(0);
  });

  it('shifts the current time only, and keeps every Date a Date', () => {
    const before = new Date();
    const DAY = 86_400_000;
    setWorkerClock(DAY);
    expect(Math.abs(Date.now() - (before.getTime() + DAY))).toBeLessThan(1_000);
    expect(Math.abs(new Date().getTime() - (before.getTime() + DAY))).toBeLessThan(1_000);
    // Explicit dates are what they say.
    expect(new Date('2026-11-29T00:00:00Z').toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(new Date(0).getTime()).toBe(0);
    // A Date made before the patch still counts as one (zod's z.date(), the SDK's EJSON).
    expect(before instanceof Date).toBe(true);
    expect(new Date() instanceof Date).toBe(true);
    setWorkerClock(0);
    expect(Math.abs(Date.now() - new Date(before.getTime()).getTime())).toBeLessThan(1_000);
  });
});
