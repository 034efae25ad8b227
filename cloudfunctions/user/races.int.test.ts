import { CODE_FAILURES_PER_DAY, type WhoAmI } from '@yanzhen/domain';
import { userKey } from '../shared/user-key';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';

/**
 * Codes and roles under parallel requests: what a double tap in the mini-program, or a script, would do.
 * Each test would have failed against the earlier check-then-write code.
 */
jest.setTimeout(60_000);

let h: FunctionHarness;
const INSTANCES = 8; // as CloudBase scales instances under load; the default of 2 on a CI box hides races
beforeAll(async () => {
  h = await startFunctionHarness({ env: { MAX_INSTANCES_PER_FUNCTION: String(INSTANCES) } });
  // Warm all instances, so that the parallel calls below really run side by side.
  await Promise.all(Array.from({ length: INSTANCES * 2 }, (_, i) => h.as(`wx-warm-${i}`)('user', { action: 'whoami' })));
}, 120_000);
afterAll(() => h?.stop());

async function code(event: Record<string, unknown>): Promise<string> {
  const res = await h.as('demo-admin')<{ code: string }>('user', event);
  if (!res.ok) throw new Error(res.error.message);
  return res.data.code;
}

const wrongCode = (i: number) => `ZZZ${'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[i % 32]}-${String(100000 + i)}`;

it('keeps both roles when a newcomer redeems an admin and a judge invitation at once', async () => {
  const newcomers = Array.from({ length: 4 }, (_, i) => `wx-parallel-roles-${i}`);
  const codes = await Promise.all(newcomers.map(async () => [await code({ action: 'inviteAdmin' }), await code({ action: 'inviteJudge', contestId: 'contest-current' })]));
  const results = await Promise.all(newcomers.flatMap((n, i) => codes[i].map((c) => h.as(n)('user', { action: 'redeemCode', code: c }))));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  for (const n of newcomers) {
    const who = await h.as(n)<WhoAmI>('user', { action: 'whoami' });
    expect({ n, roles: who.ok && [...who.data.roles].sort() }).toEqual({ n, roles: ['admin', 'judge', 'resident'] });
  }
});

it('binds one WeChat user to one archive record when two codes are redeemed at once', async () => {
  const [c5, c6] = await Promise.all([code({ action: 'issueBindingCode', secretaryId: 'sec-05' }), code({ action: 'issueBindingCode', secretaryId: 'sec-06' })]);
  const me = h.as('wx-two-codes');
  const results = await Promise.all([me('user', { action: 'redeemCode', code: c5 }), me('user', { action: 'redeemCode', code: c6 })]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('已绑定其他书记档案') } });
  const who = await me<WhoAmI>('user', { action: 'whoami' });
  const mine = who.ok ? who.data.secretaryId : undefined;
  const other = mine === 'sec-05' ? 'sec-06' : 'sec-05';
  expect(['sec-05', 'sec-06']).toContain(mine);
  expect((await h.db.collection('secretaries').doc(other).get()).data).not.toHaveProperty('openid');
  // The refused code was not spent: its secretary can still use it.
  const refusedCode = other === 'sec-05' ? c5 : c6;
  expect(await h.as(`wx-owner-of-${other}`)('user', { action: 'redeemCode', code: refusedCode })).toMatchObject({ ok: true, data: { secretaryId: other } });
});

it(`lets a burst of wrong codes count exactly ${CODE_FAILURES_PER_DAY} a day, not more`, async () => {
  const guesser = h.as('wx-burst-guesser');
  const results = await Promise.all(Array.from({ length: CODE_FAILURES_PER_DAY + 10 }, (_, i) => guesser('user', { action: 'redeemCode', code: wrongCode(i) })));
  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  expect(codes.filter((c) => c === 'not-found')).toHaveLength(CODE_FAILURES_PER_DAY);
  expect(codes.filter((c) => c === 'resource-exhausted')).toHaveLength(10);
  expect(await guesser('user', { action: 'redeemCode', code: wrongCode(99) })).toMatchObject({ ok: false, error: { code: 'resource-exhausted' } });
});

it('does not count a right code against the daily limit of wrong ones', async () => {
  const me = h.as('wx-careful');
  for (let i = 0; i < CODE_FAILURES_PER_DAY - 1; i++) expect(await me('user', { action: 'redeemCode', code: wrongCode(i) })).toMatchObject({ error: { code: 'not-found' } });
  expect(await me('user', { action: 'redeemCode', code: await code({ action: 'inviteJudge', contestId: 'contest-current' }) })).toMatchObject({ ok: true });
  expect(await me('user', { action: 'redeemCode', code: wrongCode(50) })).toMatchObject({ error: { code: 'not-found' } });
  expect(await me('user', { action: 'redeemCode', code: wrongCode(51) })).toMatchObject({ error: { code: 'resource-exhausted' } });
});

it('removes a judge assignment whose user record is gone, with its audit entry, instead of failing after the removal', async () => {
  const key = userKey('wx-vanished-judge');
  await h.db.collection('judgeAssignments').doc('judge-vanished').set({ data: { contestId: 'contest-current', openid: 'wx-vanished-judge', key, createdAt: new Date() } });
  const res = await h.as('demo-admin')('user', { action: 'removeJudge', contestId: 'contest-current', userKey: key });
  expect(res).toMatchObject({ ok: true, data: { removed: true } });
  expect((await h.db.collection('judgeAssignments').where({ key }).get()).data).toEqual([]);
  expect((await h.db.collection('audit').where({ action: 'user.removeJudge', before: { userKey: key } }).get()).data).toHaveLength(1);
  // An unknown assignment is refused and changes nothing.
  expect(await h.as('demo-admin')('user', { action: 'removeJudge', contestId: 'contest-2023', userKey: userKey('demo-judge') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect((await h.db.collection('judgeAssignments').where({ key: userKey('demo-judge') }).get()).data).toHaveLength(1);
});
