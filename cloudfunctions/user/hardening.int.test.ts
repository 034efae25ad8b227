import { createHash, createHmac } from 'node:crypto';
import { CODE_MAX_ATTEMPTS, type WhoAmI } from '@yanzhen/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';

/**
 * Codes and roles under CloudBase's real rules: parallel guesses, double clicks, snapshot isolation
 * (two removals that each see "2 assignments left"), and who may judge which contest.
 */
jest.setTimeout(90_000);

let h: FunctionHarness;
const INSTANCES = 8;
beforeAll(async () => {
  h = await startFunctionHarness({ env: { MAX_INSTANCES_PER_FUNCTION: String(INSTANCES) } });
  await Promise.all(Array.from({ length: INSTANCES * 2 }, (_, i) => h.as(`wx-warm-${i}`)('user', { action: 'whoami' })));
}, 120_000);
afterAll(() => h?.stop());

const admin = () => h.as('demo-admin');
async function code(event: Record<string, unknown>): Promise<string> {
  const res = await admin()<{ code: string }>('user', event);
  if (!res.ok) throw new Error(res.error.message);
  return res.data.code;
}
const wrongSecret = (c: string, i: number) => `${c.slice(0, 5)}${String((Number(c.slice(5)) + 1 + i) % 1_000_000).padStart(6, '0')}`;
interface StoredCode { _id: string; ticket: string; status: string; attempts: number; secretHash: string; secretaryId?: string }

it(`never compares more than ${CODE_MAX_ATTEMPTS} wrong secrets of one code, however many arrive at once`, async () => {
  const right = await code({ action: 'issueBindingCode', secretaryId: 'sec-07' });
  // Different guessers, so that the per-caller daily limit does not hide the per-code one.
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => h.as(`wx-parallel-guesser-${i}`)('user', { action: 'redeemCode', code: wrongSecret(right, i) })));
  const counted = results.filter((r) => !r.ok && r.error.code === 'invalid-argument');
  const refused = results.filter((r) => !r.ok && r.error.code === 'failed-precondition');
  expect(counted).toHaveLength(CODE_MAX_ATTEMPTS);
  expect(refused).toHaveLength(30 - CODE_MAX_ATTEMPTS);
  for (const r of refused) expect(r.ok === false && r.error.message).toContain('锁定');
  const [stored] = await readAll<StoredCode>(h.db, 'bindingCodes', { ticket: right.slice(0, 4) });
  expect(stored).toMatchObject({ attempts: CODE_MAX_ATTEMPTS, status: 'locked' });
  expect(await h.as('wx-real-secretary-07')('user', { action: 'redeemCode', code: right })).toMatchObject({ ok: false, error: { message: expect.stringContaining('锁定') } });
  expect((await h.db.collection('secretaries').doc('sec-07').get()).data).not.toHaveProperty('openid');
});

it('stores codes as an HMAC keyed by the functions’ secret, not as a plain hash of ticket and digits', async () => {
  const c = await code({ action: 'inviteAdmin' });
  const [ticket, secret] = c.split('-');
  const [stored] = await readAll<StoredCode>(h.db, 'bindingCodes', { ticket });
  const key = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'emulator', 'local.env.json'), 'utf8')) as { CODE_HMAC_KEY: string }).CODE_HMAC_KEY;
  expect(stored.secretHash).toBe(createHmac('sha256', key).update(`${ticket}:${secret}`).digest('hex'));
  expect(stored.secretHash).not.toBe(createHash('sha256').update(`${ticket}:${secret}`).digest('hex'));
  expect(JSON.stringify(stored)).not.toContain(secret);
});

it('leaves exactly one valid binding code when an admin clicks "issue" several times at once', async () => {
  const results = await Promise.all(Array.from({ length: 4 }, () => admin()<{ code: string }>('user', { action: 'issueBindingCode', secretaryId: 'sec-08' })));
  const issued = results.flatMap((r) => (r.ok ? [r.data.code] : []));
  expect(issued.length).toBeGreaterThanOrEqual(1);
  const active = await readAll<StoredCode>(h.db, 'bindingCodes', { secretaryId: 'sec-08', status: 'active' });
  expect(active).toHaveLength(1);
  // Every issued code has its audit entry, and no entry exists for a code that was not issued.
  const audited = await readAll<{ after: { ticket: string } }>(h.db, 'audit', { action: 'user.issueBindingCode', target: 'secretaries/sec-08' });
  expect(audited.map((a) => a.after.ticket).sort()).toEqual(issued.map((c) => c.slice(0, 4)).sort());
  // Of all the codes shown to the admin, exactly one binds.
  const redeemed = await Promise.all(issued.map((c, i) => h.as(`wx-sec-08-try-${i}`)('user', { action: 'redeemCode', code: c })));
  expect(redeemed.filter((r) => r.ok)).toHaveLength(1);
  expect(redeemed.filter((r) => r.ok)[0]).toMatchObject({ data: { secretaryId: 'sec-08' } });
});

it('refuses a judge invitation for a contest the redeeming secretary is a candidate in, and keeps the code usable', async () => {
  // demo-secretary is bound to sec-01, a candidate in contest-current (demo data).
  const c = await code({ action: 'inviteJudge', contestId: 'contest-current' });
  const res = await h.as('demo-secretary')('user', { action: 'redeemCode', code: c });
  expect(res).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('候选书记') } });
  const who = await h.as('demo-secretary')<WhoAmI>('user', { action: 'whoami' });
  expect(who.ok && who.data.roles).not.toContain('judge');
  // She may judge a contest she is not a candidate in (not 2023: the demo's 17 secretaries all competed there);
  // the refused code still works for someone else.
  const { _id: _copied, ...elsewhere } = (await h.db.collection('contests').doc('contest-2023').get()).data as Record<string, unknown>;
  await h.db.collection('contests').doc('contest-without-sec01').set({ data: { ...elsewhere, title: '另一届比武' } });
  expect(await h.as('demo-secretary')('user', { action: 'redeemCode', code: await code({ action: 'inviteJudge', contestId: 'contest-without-sec01' }) })).toMatchObject({ ok: true });
  expect(await h.as('wx-neutral-judge')('user', { action: 'redeemCode', code: c })).toMatchObject({ ok: true, data: { contestId: 'contest-current' } });
});

it('refuses to bind a judge to the archive record of a candidate in her contest', async () => {
  const judge = 'wx-judge-then-secretary';
  expect(await h.as(judge)('user', { action: 'redeemCode', code: await code({ action: 'inviteJudge', contestId: 'contest-current' }) })).toMatchObject({ ok: true });
  const res = await h.as(judge)('user', { action: 'redeemCode', code: await code({ action: 'issueBindingCode', secretaryId: 'sec-09' }) });
  expect(res).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('评委') } });
  expect((await h.db.collection('secretaries').doc('sec-09').get()).data).not.toHaveProperty('openid');
});

it('drops the judge role when two removals of her last two assignments run at once (no write skew)', async () => {
  const judges = Array.from({ length: 3 }, (_, i) => `wx-two-contest-judge-${i}`);
  for (const j of judges) {
    for (const contestId of ['contest-current', 'contest-2023']) {
      expect(await h.as(j)('user', { action: 'redeemCode', code: await code({ action: 'inviteJudge', contestId }) })).toMatchObject({ ok: true });
    }
  }
  const keys = new Map<string, string>();
  for (const j of judges) {
    const [assignment] = await readAll<{ key: string }>(h.db, 'judgeAssignments', { openid: j });
    keys.set(j, assignment.key);
  }
  const removals = await Promise.all(judges.flatMap((j) => ['contest-current', 'contest-2023'].map((contestId) => admin()('user', { action: 'removeJudge', contestId, userKey: keys.get(j) }))));
  expect(removals.filter((r) => !r.ok)).toEqual([]);
  for (const j of judges) {
    const who = await h.as(j)<WhoAmI>('user', { action: 'whoami' });
    expect({ j, roles: who.ok && who.data.roles }).toEqual({ j, roles: ['resident'] });
    expect(await readAll(h.db, 'judgeAssignments', { openid: j })).toEqual([]);
  }
});

it('keeps the judge role while one assignment is left', async () => {
  const j = 'wx-judge-of-two';
  for (const contestId of ['contest-current', 'contest-2023']) await h.as(j)('user', { action: 'redeemCode', code: await code({ action: 'inviteJudge', contestId }) });
  const [{ key }] = await readAll<{ key: string }>(h.db, 'judgeAssignments', { openid: j });
  expect(await admin()('user', { action: 'removeJudge', contestId: 'contest-2023', userKey: key })).toMatchObject({ ok: true });
  const who = await h.as(j)<WhoAmI>('user', { action: 'whoami' });
  expect(who.ok && who.data.roles).toContain('judge');
});
