import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { inParallel, readAll } from '../test-support/functions-client';

/**
 * Issue 4's voting acceptance, through the full stack: HTTP → function worker → wx-server-sdk →
 * emulator → SQLite, with the demo data (contest-current: open, 3 votes a day, 1 per candidate).
 */
jest.setTimeout(60_000);

const CONTEST = 'contest-current';
const CANDIDATES = Array.from({ length: 17 }, (_, i) => `cand-sec-${String(i + 1).padStart(2, '0')}`);

let h: FunctionHarness;

beforeAll(async () => {
  h = await startFunctionHarness();
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

const cast = (openid: string, candidateId: string, contestId = CONTEST) => h.client.call<{ remainingToday: number }>(openid, 'vote', { action: 'cast', contestId, candidateId });

interface VoteRecord { contestId: string; candidateId: string; voterId: string; day: string }

/** Everything a vote could change, to prove that a refused vote changed nothing. */
async function voteState() {
  const [votes, tallies, quotas] = await Promise.all([
    h.db.collection('votes').count(),
    readAll<{ _id: string; votes: number }>(h.db, 'voteTallies', {}),
    h.db.collection('voteQuotas').count(),
  ]);
  return { votes: votes.total, tallies: Object.fromEntries(tallies.map((t) => [t._id, t.votes])), quotas: quotas.total };
}

describe('limits under a burst from one voter', () => {
  // The demo contest has 17 candidates; 20 distinct ones live in a copy of it with the same rule.
  const BURST_CONTEST = 'contest-burst';
  const burstCandidates = Array.from({ length: 20 }, (_, i) => `cand-burst-${i}`);
  beforeAll(async () => {
    const { _id: _ignored, ...current } = (await h.db.collection('contests').doc(CONTEST).get()).data;
    await h.db.collection('contests').doc(BURST_CONTEST).set({ data: { ...current, title: '并发测试' } });
    await Promise.all(
      burstCandidates.map((id, i) =>
        h.db.collection('candidates').doc(id).set({
          data: { contestId: BURST_CONTEST, secretaryId: `sec-burst-${i}`, name: `候选人${i}`, community: '测试社区', street: '大观园', status: 'approved', createdAt: new Date() },
        }),
      ),
    );
  });

  it('accepts exactly 3 of 20 parallel votes for distinct candidates', async () => {
    const voter = 'burst-distinct';
    const results = await Promise.all(burstCandidates.map((c) => cast(voter, c, BURST_CONTEST)));
    const accepted = results.filter((r) => r.ok);
    expect(accepted).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'resource-exhausted' } });
    expect(accepted.map((r) => (r.ok ? r.data.remainingToday : -1)).sort()).toEqual([0, 1, 2]);
    const records = await readAll<VoteRecord>(h.db, 'votes', { contestId: BURST_CONTEST, voterId: voter });
    expect(records).toHaveLength(3);
    expect(new Set(records.map((r) => r.candidateId)).size).toBe(3);
    const quota = await h.client.data<{ remainingToday: number; votedToday: string[] }>(voter, 'vote', { action: 'quota', contestId: BURST_CONTEST });
    expect(quota.remainingToday).toBe(0);
    expect(quota.votedToday.sort()).toEqual(records.map((r) => r.candidateId).sort());
  });

  it('accepts exactly 1 of 20 parallel votes for one candidate', async () => {
    const voter = 'burst-same';
    const results = await Promise.all(Array.from({ length: 20 }, () => cast(voter, 'cand-sec-05')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ error: { code: 'resource-exhausted' } });
    expect(await readAll(h.db, 'votes', { contestId: CONTEST, voterId: voter })).toHaveLength(1);
    const quota = await h.client.data<{ remainingToday: number }>(voter, 'vote', { action: 'quota', contestId: CONTEST });
    expect(quota.remainingToday).toBe(2);
  });

  it('tells a fourth vote on the same day that the votes are used up, in Chinese', async () => {
    const voter = 'fourth-vote';
    for (const [i, c] of CANDIDATES.slice(0, 3).entries()) expect(await cast(voter, c)).toEqual({ ok: true, data: { remainingToday: 2 - i } });
    const fourth = await cast(voter, CANDIDATES[3]);
    expect(fourth).toMatchObject({ ok: false, error: { code: 'resource-exhausted', message: expect.stringContaining('明天再来') } });
  });
});

describe('refused votes change nothing', () => {
  beforeAll(async () => {
    const now = Date.now();
    const current = (await h.db.collection('contests').doc(CONTEST).get()).data;
    const { _id: _ignored, ...rest } = current;
    const windows = {
      'contest-ended': { start: new Date(now - 10 * 86_400_000), end: new Date(now - 86_400_000) },
      'contest-future': { start: new Date(now + 86_400_000), end: new Date(now + 10 * 86_400_000) },
    };
    for (const [id, w] of Object.entries(windows)) {
      await h.db.collection('contests').doc(id).set({ data: { ...rest, title: id, vote: { ...current.vote, ...w } } });
      await h.db.collection('candidates').doc(`cand-${id}`).set({
        data: { contestId: id, secretaryId: 'sec-01', name: '郑晓梅', community: '青年东路社区', street: '大观园', status: 'approved', createdAt: new Date() },
      });
    }
    await h.db.collection('candidates').doc('cand-pending').set({
      data: { contestId: CONTEST, secretaryId: 'sec-99', name: '待审核', community: '测试社区', street: '大观园', status: 'pending', createdAt: new Date() },
    });
  });

  it.each([
    ['after the window', 'contest-ended', 'cand-contest-ended', 'failed-precondition'],
    ['before the window', 'contest-future', 'cand-contest-future', 'failed-precondition'],
    ['for an unknown candidate', CONTEST, 'cand-nobody', 'not-found'],
    ['for a candidate not yet approved', CONTEST, 'cand-pending', 'not-found'],
    ['for a candidate of another contest', CONTEST, 'cand-contest-ended', 'not-found'],
    ['in an unknown contest', 'contest-nope', 'cand-sec-01', 'not-found'],
  ])('refuses a vote %s', async (_label, contestId, candidateId, code) => {
    const before = await voteState();
    const result = await cast('refused-voter', candidateId, contestId);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await voteState()).toEqual(before);
  });

  it('refuses malformed input with invalid-argument', async () => {
    const before = await voteState();
    expect(await h.client.call('malformed', 'vote', { action: 'cast', contestId: CONTEST })).toMatchObject({ error: { code: 'invalid-argument' } });
    expect(await h.client.call('malformed', 'vote', { action: 'cast', contestId: CONTEST, candidateId: { $ne: null } })).toMatchObject({ error: { code: 'invalid-argument' } });
    expect(await voteState()).toEqual(before);
  });
});

describe('the ranking under load', () => {
  it('equals the stored vote records after 500 voters vote concurrently', async () => {
    const voters = Array.from({ length: 500 }, (_, i) => `load-voter-${i}`);
    await inParallel(voters, 50, (v) => h.client.token(v)); // log in first: the burst below is votes only
    // Skewed choices, so that the ranking has a clear order and hot candidates get parallel votes.
    const choice = (i: number) => CANDIDATES[Math.floor(Math.sqrt((i * 7919) % 289))];
    const results = await Promise.all(voters.map((v, i) => cast(v, choice(i))));
    const failures = results.filter((r) => !r.ok);
    expect(failures).toEqual([]);

    const ranking = await h.client.data<{ items: { candidateId: string; name: string; votes: number }[]; updatedAt: string }>('ranking-viewer', 'vote', { action: 'ranking', contestId: CONTEST });
    const records = await readAll<VoteRecord>(h.db, 'votes', { contestId: CONTEST });
    const counted = new Map<string, number>();
    for (const r of records) counted.set(r.candidateId, (counted.get(r.candidateId) ?? 0) + 1);
    expect(Object.fromEntries(ranking.items.map((i) => [i.candidateId, i.votes]))).toEqual(
      Object.fromEntries(CANDIDATES.map((c) => [c, counted.get(c) ?? 0])),
    );
    expect(ranking.items.map((i) => i.votes)).toEqual([...ranking.items.map((i) => i.votes)].sort((a, b) => b - a));
    expect(records.filter((r) => r.voterId.startsWith('load-voter-'))).toHaveLength(500);
    expect(ranking.items).toHaveLength(17);
    expect(ranking.items[0].name).toMatch(/[\u4e00-\u9fa5]/);
    expect(Number.isNaN(Date.parse(ranking.updatedAt))).toBe(false);
  }, 90_000);
});
