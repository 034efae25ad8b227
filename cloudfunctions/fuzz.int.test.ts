import fc from 'fast-check';
import { isEnvelope } from '@yanzhen/domain';
import { allActions } from './test-support/action-maps';
import { snapshot, startFunctionHarness, type FunctionHarness } from './test-support/local-cloud';

/**
 * Thousands of random and malformed payloads to every action, each sent by a caller the action allows
 * (so the input schema, not the guard, has to catch it): every answer is an envelope, bad input is
 * `invalid-argument`, no worker crashes, and the database is the same afterwards.
 */
const COLLECTIONS = (require('./database.json') as { collections: { name: string }[] }).collections.map((c) => c.name);
const OPENID_FOR = { public: 'demo-resident', resident: 'demo-resident', secretary: 'demo-secretary', judge: 'demo-judge', admin: 'demo-admin' } as const;
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 120);

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
}, 120_000);
afterAll(() => h?.stop());

/** A payload that no schema accepts: an unknown key always (JSON values, so it survives the wire), and random values for any keys. */
const malformed = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))
  .map(([rest, junkKey, junk]) => ({ ...rest, [`zz_${junkKey}`]: junk }));

/** Payloads whose known keys have the wrong type (a number where a string goes, and so on). */
const wrongTypes = fc.record({ contestId: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())), candidateId: fc.oneof(fc.boolean(), fc.object()), code: fc.integer(), secretaryId: fc.double(), page: fc.string() });

it('answers every malformed payload with invalid-argument and changes nothing', async () => {
  const before = await snapshot(h.db, COLLECTIONS);
  let calls = 0;
  for (const { fn, name, def } of allActions()) {
    const role = typeof def.access === 'string' ? def.access : def.access[0];
    const call = h.as(OPENID_FOR[role]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformed, wrongTypes.map((w) => ({ ...w, zz: 1 }))), async (payload) => {
        const res = await call(fn, { ...payload, action: name });
        calls++;
        expect(isEnvelope(res)).toBe(true);
        expect({ call: `${fn}.${name}`, code: res.ok ? 'ok' : res.error.code }).toEqual({ call: `${fn}.${name}`, code: 'invalid-argument' });
      }),
      { numRuns: RUNS_PER_ACTION },
    );
  }
  expect(calls).toBeGreaterThan(1000);
  expect(await snapshot(h.db, COLLECTIONS)).toEqual(before);
}, 600_000);

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
