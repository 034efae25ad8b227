import fc from 'fast-check';
import { allActions } from './test-support/action-maps';
import { runFuzz } from './test-support/fuzz';
import { formatFuzzReport, fuzzFailures } from './test-support/fuzz-report';
import { useFunctionHarness } from './test-support/local-cloud';

/**
 * Generated payloads to every action (test-support/fuzz.ts), a few hundred each here; `npm run fuzz`
 * sends 10,000 each. Every answer is an envelope, no instance crashes, refused payloads and refused
 * callers get their code and change nothing.
 */
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 80);
/** A fixed seed keeps the suite deterministic; `npm run fuzz` explores with a new one each run (FUZZ_SEED replays either). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

const h = useFunctionHarness({}, 120_000);

it('has strict input schemas: a key the action does not know is refused, before any call', () => {
  const lax = allActions()
    .filter(({ def }) => def.input.safeParse({ zz_unknown: 1 }).success)
    .map(({ fn, name }) => `${fn}.${name}`);
  expect(lax).toEqual([]);
});

it('answers generated payloads with envelopes, no crash, the expected codes, and no change where none is allowed', async () => {
  const report = await runFuzz(h, { runsPerAction: RUNS_PER_ACTION, seed: SEED });
  const failures = fuzzFailures(report, RUNS_PER_ACTION);
  // The whole table on failure: which action, which payload, what it answered, and the seed to replay.
  expect({ failures, report: failures.length ? formatFuzzReport(report) : 'clean' }).toEqual({ failures: [], report: 'clean' });
  // Payloads of every kind reached every function, and the schema-accepted ones went past validation.
  const kinds = Object.values(report.perAction).reduce((n, f) => n + f.byKind.wellTyped, 0);
  expect(kinds).toBeGreaterThan(report.calls / 5);
  expect(Object.values(report.perAction).filter((f) => Object.keys(f.byCode).some((c) => c !== 'invalid-argument' && c !== 'permission-denied')).length).toBeGreaterThan(10);
}, 300_000);

it('answers events that are not objects or name no action with invalid-argument', async () => {
  const call = h.as('demo-admin');
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...new Set(allActions().map((a) => a.fn))), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), async (fn, action) => {
      const res = await call(fn, { action });
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }),
    { numRuns: 200 },
  );
  // The workers survived all of it: a normal call still works.
  expect(await call('user', { action: 'whoami' })).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['admin']) } });
});
