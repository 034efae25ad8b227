import { scoreId } from '@yanzhen/domain';
import { userKey } from '../shared/user-key';
import { readAll } from '../test-support/functions-client';
import { snapshot, useFunctionHarness } from '../test-support/local-cloud';
import { ADMIN, addContestants, addJudge, assignRounds, createContest, must, scoresFrom } from './judging-test-support';

/**
 * Judging through the functions: judges see and score the approved contestants of their rounds within the
 * maxima, only ever their own scores; recusal by street (automatic) and declared; a contestant cannot judge;
 * a locked round refuses every score, also one racing the lock; everything on the audit trail.
 */
jest.setTimeout(90_000);

const h = useFunctionHarness({ env: { MAX_INSTANCES_PER_FUNCTION: '4' } });

interface ContestantRow {
  candidateId: string;
  recusal: 'same-street' | 'declared' | null;
  myScore: { dimensions: Record<string, number>; note: string | null } | null;
}
const contestants = (openid: string, contestId: string, roundKey = 'r1') =>
  h.client.call<{ items: ContestantRow[]; round: { locked: boolean } }>(openid, 'contest', { action: 'judgeContestants', contestId, roundKey });
const score = (openid: string, contestId: string, candidateId: string, dimensions: Record<string, number>, extra: Record<string, unknown> = {}) =>
  h.client.call<{ scoreId: string }>(openid, 'contest', { action: 'submitScore', contestId, roundKey: 'r1', candidateId, dimensions, ...extra });

const JUDGES = ['jd-a', 'jd-b', 'jd-c', 'jd-d', 'jd-e'];

/** A contest scoring now: round r1 judged by jd-a…jd-e (jd-e a bound secretary of 大观园), r2 by jd-a only. */
async function judgedContest(title: string) {
  const contestId = await createContest(h.client, { title });
  const candidates = await addContestants(h.db, contestId, ['杆石桥', '大观园', '魏家庄']);
  for (const j of JUDGES) await addJudge(h.db, contestId, `${j}-${contestId}`, j === 'jd-e' ? '大观园' : undefined);
  const openids = JUDGES.map((j) => `${j}-${contestId}`);
  await assignRounds(h.client, contestId, [openids, [openids[0]]]);
  return { contestId, candidates, openids };
}

describe('a judge scores her round', () => {
  let contestId: string;
  let candidates: string[];
  let judges: string[];
  beforeAll(async () => {
    ({ contestId, candidates, openids: judges } = await judgedContest('打分测试'));
  });

  it('lists the approved contestants of her round and saves a score within the maxima', async () => {
    const list = must(await contestants(judges[0], contestId));
    expect(list.items.map((i) => i.candidateId)).toEqual(candidates);
    expect(list.items.every((i) => i.myScore === null)).toBe(true);
    must(await score(judges[0], contestId, candidates[0], scoresFrom(80), { note: '材料扎实' }));
    const after = must(await contestants(judges[0], contestId));
    expect(after.items[0].myScore).toEqual(expect.objectContaining({ dimensions: scoresFrom(80), note: '材料扎实' }));
  });

  it('refuses a score above a maximum, below zero or missing a dimension, and writes nothing', async () => {
    const before = await snapshot(h.db, ['scores', 'audit']);
    const over = { ...scoresFrom(70), organization: 100.5 };
    expect(await score(judges[1], contestId, candidates[0], over)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('满分 100') } });
    expect(await score(judges[1], contestId, candidates[0], { ...scoresFrom(70), team: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const { grid: _missing, ...partial } = scoresFrom(70);
    expect(await score(judges[1], contestId, candidates[0], partial)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('网格化治理') } });
    expect(await score(judges[1], contestId, candidates[0], { ...scoresFrom(70), team: 71.25 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await snapshot(h.db, ['scores', 'audit'])).toEqual(before);
  });

  it('never shows a judge another judge\'s scores', async () => {
    must(await score(judges[2], contestId, candidates[2], scoresFrom(60)));
    const other = must(await contestants(judges[1], contestId));
    expect(other.items.every((i) => i.myScore === null)).toBe(true);
    expect(JSON.stringify(other)).not.toContain('"organization":60');
    // Her own overview counts only her own scores.
    const rounds = must(await h.client.call<{ items: { contestId: string; roundKey: string; scoredByMe: number; contestants: number }[] }>(judges[1], 'contest', { action: 'judgeRounds' }));
    expect(rounds.items.filter((r) => r.contestId === contestId)).toEqual([expect.objectContaining({ roundKey: 'r1', scoredByMe: 0, contestants: 3 })]);
  });

  it('lets her change a score until the round is locked, each change audited with before and after', async () => {
    must(await score(judges[3], contestId, candidates[0], scoresFrom(50)));
    must(await score(judges[3], contestId, candidates[0], scoresFrom(55), { note: '复核后调整' }));
    const stored = await h.db.collection('scores').doc(scoreId(contestId, 'r1', candidates[0], userKey(judges[3]))).get();
    expect(stored.data).toMatchObject({ dimensions: scoresFrom(55), note: '复核后调整', judgeKey: userKey(judges[3]) });
    const audit = await readAll<{ action: string; actor: string; before: unknown; after: unknown }>(h.db, 'audit', { action: 'contest.submitScore', actor: judges[3] });
    expect(audit.map((a) => [a.before, a.after])).toEqual(
      expect.arrayContaining([
        [null, { dimensions: scoresFrom(50), note: null }],
        [{ dimensions: scoresFrom(50), note: null }, { dimensions: scoresFrom(55), note: '复核后调整' }],
      ]),
    );
  });

  it('recuses a judge from a contestant of her own street automatically', async () => {
    const list = must(await contestants(judges[4], contestId));
    expect(list.items.find((i) => i.candidateId === candidates[1])?.recusal).toBe('same-street');
    expect(list.items.filter((i) => i.recusal === null)).toHaveLength(2);
    expect(await score(judges[4], contestId, candidates[1], scoresFrom(90))).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('回避') } });
    must(await score(judges[4], contestId, candidates[0], scoresFrom(90)));
  });

  it('lets a judge declare a conflict, after which she cannot score that contestant (audited)', async () => {
    must(await h.client.call(judges[1], 'contest', { action: 'declareConflict', contestId, candidateId: candidates[2], note: '曾在该社区共事' }));
    const list = must(await contestants(judges[1], contestId));
    expect(list.items.find((i) => i.candidateId === candidates[2])?.recusal).toBe('declared');
    expect(await score(judges[1], contestId, candidates[2], scoresFrom(70))).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    const audit = await readAll<{ target: string }>(h.db, 'audit', { action: 'contest.declareConflict', actor: judges[1] });
    expect(audit).toEqual([expect.objectContaining({ target: `candidates/${candidates[2]}` })]);
  });

  it('refuses callers who do not judge this round or this contest', async () => {
    // jd-b judges r1 but not r2.
    const r2 = await h.client.call(judges[1], 'contest', { action: 'submitScore', contestId, roundKey: 'r2', candidateId: candidates[0], dimensions: scoresFrom(70) });
    expect(r2).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(await score('jd-resident', contestId, candidates[0], scoresFrom(70))).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    // A judge of another contest (the demo judge judges contest-current).
    expect(await score('demo-judge', contestId, candidates[0], scoresFrom(70))).toMatchObject({ ok: false, error: { code: 'permission-denied', message: expect.stringContaining('不是本次比武的评委') } });
    expect(await score(judges[0], contestId, 'no-such-candidate', scoresFrom(70))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a contestant who is also assigned as a judge of her contest', async () => {
    const openid = `jd-competitor-${contestId}`;
    await addJudge(h.db, contestId, openid, '魏家庄');
    await h.db.collection('candidates').doc(`${contestId}-self`).set({ data: { contestId, secretaryId: `sec-of-${openid}`, name: '自评选手', community: '测试', street: '魏家庄', status: 'approved', createdAt: new Date() } });
    expect(await contestants(openid, contestId)).toMatchObject({ ok: false, error: { code: 'permission-denied', message: expect.stringContaining('选手') } });
    expect(await score(openid, contestId, candidates[0], scoresFrom(70))).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    await h.db.collection('candidates').doc(`${contestId}-self`).remove();
  });

  it('refuses every score once the round is locked, and the lock changes no score', async () => {
    const before = await snapshot(h.db, ['scores']);
    must(await h.client.call(ADMIN, 'contest', { action: 'lockRound', contestId, roundKey: 'r1' }));
    expect(must(await contestants(judges[0], contestId)).round.locked).toBe(true);
    expect(await score(judges[0], contestId, candidates[0], scoresFrom(10))).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('已锁定') } });
    expect(await score(judges[1], contestId, candidates[1], scoresFrom(10))).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await h.client.call(judges[2], 'contest', { action: 'declareConflict', contestId, candidateId: candidates[0] })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await snapshot(h.db, ['scores'])).toEqual(before);
    const lockAudit = await readAll<{ actor: string }>(h.db, 'audit', { action: 'contest.lockRound', target: `contests/${contestId}/rounds/r1` });
    expect(lockAudit).toEqual([expect.objectContaining({ actor: ADMIN })]);
  });
});

describe('a score racing the lock', () => {
  it('either lands before the lock or is refused: nothing is written once the lock has answered', async () => {
    const { contestId, candidates, openids } = await judgedContest('锁定竞态');
    const writes = openids.slice(0, 4).flatMap((j, ji) => candidates.map((c, ci) => ({ j, c, base: 40 + ji * 10 + ci })));
    // Every judge keeps re-scoring while the admin locks: some writes start before, some after the lock.
    const results: { ok: boolean; code?: string; id: string; base: number }[] = [];
    const scoring = (async () => {
      for (let pass = 0; pass < 3; pass += 1) {
        await Promise.all(
          writes.map(async ({ j, c, base }) => {
            const res = await score(j, contestId, c, scoresFrom(base + pass));
            results.push({ ok: res.ok, code: res.ok ? undefined : res.error.code, id: scoreId(contestId, 'r1', c, userKey(j)), base: base + pass });
          }),
        );
      }
    })();
    // Lock once some scores are in, while the rest are still on their way.
    while (results.filter((r) => r.ok).length < 3) await new Promise((r) => setTimeout(r, 10));
    must(await h.client.call(ADMIN, 'contest', { action: 'lockRound', contestId, roundKey: 'r1' }));
    const atLock = await snapshot(h.db, ['scores']);
    await scoring;
    expect(await snapshot(h.db, ['scores'])).toEqual(atLock);
    // Refusals are the lock's message, never a conflict or an internal error.
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'failed-precondition')).toBe(true);
    // Every stored score is one that was answered as saved.
    const stored = await readAll<{ _id: string; dimensions: Record<string, number> }>(h.db, 'scores', { contestId });
    for (const s of stored) expect(results.some((r) => r.ok && r.id === s._id && r.base === s.dimensions.organization)).toBe(true);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(0);
  });
});
