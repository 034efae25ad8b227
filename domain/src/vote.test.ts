import {
  BALLOT_BOXES_PER_DAY,
  ballotBoxId,
  ballotBoxOf,
  closedWindow,
  decideVote,
  EMPTY_USAGE,
  isVotingOpen,
  newBallotBox,
  rankCandidates,
  refusalMessage,
  remainingToday,
  sumTallies,
  usageOf,
  voteRuleOf,
  votingClosedMessage,
  voteUpdatePlan,
  type QuotaUsage,
} from './vote';

const rule = { perDay: 3, perCandidatePerDay: 1 };

describe('the vote window', () => {
  const window = { start: new Date('2026-11-20T00:00:00+08:00'), end: new Date('2026-11-27T00:00:00+08:00') };
  it('reads ISO text as well as dates (the client gets JSON)', () => {
    expect(isVotingOpen({ start: window.start.toISOString(), end: window.end.toISOString() }, new Date('2026-11-21T12:00:00+08:00'))).toBe(true);
  });
  it('says whether it has not started or has ended', () => {
    expect(votingClosedMessage(window, new Date('2026-11-19T00:00:00+08:00'))).toContain('尚未开始');
    expect(votingClosedMessage(window, window.end)).toContain('已经结束');
  });
  it('is open from start inclusive to end exclusive', () => {
    expect(isVotingOpen(window, new Date('2026-11-19T23:59:59+08:00'))).toBe(false);
    expect(isVotingOpen(window, window.start)).toBe(true);
    expect(isVotingOpen(window, new Date('2026-11-26T23:59:59+08:00'))).toBe(true);
    expect(isVotingOpen(window, window.end)).toBe(false);
  });
});

describe('the daily vote limits', () => {
  it('accepts three votes for three candidates, then refuses the fourth', () => {
    let usage: QuotaUsage = EMPTY_USAGE;
    for (const [i, c] of ['a', 'b', 'c'].entries()) {
      const d = decideVote(rule, usage, c);
      expect(d).toMatchObject({ accepted: true, remainingToday: 2 - i });
      if (d.accepted) usage = d.usage;
    }
    expect(decideVote(rule, usage, 'd')).toEqual({ accepted: false, reason: 'daily-limit', remainingToday: 0 });
    expect(remainingToday(rule, usage)).toBe(0);
  });

  it('refuses a second vote for the same candidate while votes remain', () => {
    const first = decideVote(rule, EMPTY_USAGE, 'a');
    if (!first.accepted) throw new Error('first vote refused');
    expect(decideVote(rule, first.usage, 'a')).toEqual({ accepted: false, reason: 'candidate-limit', remainingToday: 2 });
  });

  it('allows several votes for one candidate when the rule does', () => {
    const generous = { perDay: 5, perCandidatePerDay: 2 };
    const a1 = decideVote(generous, EMPTY_USAGE, 'a');
    if (!a1.accepted) throw new Error('refused');
    const a2 = decideVote(generous, a1.usage, 'a');
    expect(a2).toMatchObject({ accepted: true, remainingToday: 3 });
    if (!a2.accepted) throw new Error('refused');
    expect(decideVote(generous, a2.usage, 'a')).toMatchObject({ accepted: false, reason: 'candidate-limit' });
  });

  it('does not mutate the usage it was given', () => {
    const usage: QuotaUsage = { total: 1, byCandidate: { a: 1 } };
    decideVote(rule, usage, 'b');
    expect(usage).toEqual({ total: 1, byCandidate: { a: 1 } });
  });

  it('explains refusals in Chinese', () => {
    expect(refusalMessage('daily-limit', rule)).toContain('3票');
    expect(refusalMessage('candidate-limit', rule)).toContain('已经为这位书记投过');
  });
});

describe('ballot boxes and the ranking', () => {
  it('puts a voter always in the same box and spreads voters over all boxes', () => {
    expect(ballotBoxOf('a1b2c3d4e5f60718')).toBe(ballotBoxOf('a1b2c3d4e5f60718'));
    const seen = new Set(Array.from({ length: 400 }, (_, i) => ballotBoxOf(`voter-${i}`)));
    expect(seen.size).toBe(BALLOT_BOXES_PER_DAY);
  });

  it('names a box after its contest, China day and number, so counters reset with the day', () => {
    expect(ballotBoxId('contest-current', '2026-11-29', 7)).toBe('contest-current:2026-11-29:007');
    expect(ballotBoxId('c', '2026-11-29', 7)).not.toBe(ballotBoxId('c', '2026-11-30', 7));
  });

  it('records a vote by incrementing counters, tally and count, guarded by the total the decision saw', () => {
    expect(voteUpdatePlan('k1', 'cand-a', 0)).toEqual({
      condition: { path: 'voters.k1.total', equals: null },
      increments: ['voters.k1.total', 'voters.k1.byCandidate.cand-a', 'tally.cand-a', 'votes'],
    });
    expect(voteUpdatePlan('k1', 'cand-a', 2).condition).toEqual({ path: 'voters.k1.total', equals: 2 });
  });

  it('creates a box holding its first vote', () => {
    const at = new Date('2026-11-29T01:00:00Z');
    const box = newBallotBox('c', '2026-11-29', 3, { voter: 'k1', candidateId: 'a', at }, { total: 1, byCandidate: { a: 1 } });
    expect(box).toMatchObject({ _id: 'c:2026-11-29:003', voters: { k1: { total: 1, byCandidate: { a: 1 } } }, tally: { a: 1 }, votes: 1, log: [{ voter: 'k1', candidateId: 'a', at }] });
  });

  it('sums box tallies, lists candidates without votes, most votes first', () => {
    const sums = sumTallies([{ b: 2, a: 4 }, { b: 3 }]);
    const ranking = rankCandidates([{ _id: 'a', name: '甲' }, { _id: 'b', name: '乙' }, { _id: 'c', name: '丙' }], sums);
    expect(ranking).toEqual([
      { candidateId: 'b', name: '乙', votes: 5 },
      { candidateId: 'a', name: '甲', votes: 4 },
      { candidateId: 'c', name: '丙', votes: 0 },
    ]);
  });
});

describe('closing voting', () => {
  const window = { start: new Date('2026-11-20T00:00:00+08:00'), end: new Date('2026-11-27T00:00:00+08:00') };
  it('ends an open window now', () => {
    const now = new Date('2026-11-22T10:00:00+08:00');
    const closed = closedWindow(window, now);
    expect(closed).toEqual({ start: window.start, end: now });
    expect(isVotingOpen(closed, now)).toBe(false);
    expect(votingClosedMessage(closed, now)).toContain('已经结束');
  });
  it('keeps an already ended window as it was', () => {
    expect(closedWindow(window, new Date('2026-12-01T00:00:00+08:00'))).toEqual(window);
  });
  it('never opens a window that had not started', () => {
    const now = new Date('2026-11-10T00:00:00+08:00');
    const closed = closedWindow(window, now);
    expect(closed.end).toEqual(now);
    expect(isVotingOpen(closed, now)).toBe(false);
    expect(isVotingOpen(closed, new Date('2026-11-21T00:00:00+08:00'))).toBe(false);
  });
});

describe('reading stored vote settings', () => {
  it('takes the usage out of a stored box entry, or none yet', () => {
    expect(usageOf(undefined)).toEqual({ total: 0, byCandidate: {} });
    expect(usageOf({ total: 2, byCandidate: { a: 1, b: 1 }, contestId: 'c' } as never)).toEqual({ total: 2, byCandidate: { a: 1, b: 1 } });
  });
  it('takes just the limits out of a contest', () => {
    expect(voteRuleOf({ vote: { perDay: 3, perCandidatePerDay: 1, weight: 0 } as never })).toEqual({ perDay: 3, perCandidatePerDay: 1 });
  });
});
