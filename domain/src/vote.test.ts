import { decideVote, EMPTY_USAGE, usageOf, voteRuleOf, isVotingOpen, rankCandidates, refusalMessage, remainingToday, tallyShard, TALLY_SHARDS, type QuotaUsage } from './vote';

const rule = { perDay: 3, perCandidatePerDay: 1 };

describe('the vote window', () => {
  const window = { start: new Date('2026-11-20T00:00:00+08:00'), end: new Date('2026-11-27T00:00:00+08:00') };
  it('reads ISO text as well as dates (the client gets JSON)', () => {
    expect(isVotingOpen({ start: window.start.toISOString(), end: window.end.toISOString() }, new Date('2026-11-21T12:00:00+08:00'))).toBe(true);
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

describe('tally shards and the ranking', () => {
  it('puts a voter always on the same shard and spreads voters over all shards', () => {
    expect(tallyShard('voter-1')).toBe(tallyShard('voter-1'));
    const seen = new Set(Array.from({ length: 200 }, (_, i) => tallyShard(`voter-${i}`)));
    expect(seen.size).toBe(TALLY_SHARDS);
  });

  it('sums shards, lists candidates without votes, most votes first', () => {
    const ranking = rankCandidates(
      [{ _id: 'a', name: '甲' }, { _id: 'b', name: '乙' }, { _id: 'c', name: '丙' }],
      [{ candidateId: 'b', votes: 2 }, { candidateId: 'b', votes: 3 }, { candidateId: 'a', votes: 4 }],
    );
    expect(ranking).toEqual([
      { candidateId: 'b', name: '乙', votes: 5 },
      { candidateId: 'a', name: '甲', votes: 4 },
      { candidateId: 'c', name: '丙', votes: 0 },
    ]);
  });
});

describe('reading stored vote settings', () => {
  it('takes the usage out of a stored quota document, or none yet', () => {
    expect(usageOf(undefined)).toEqual({ total: 0, byCandidate: {} });
    expect(usageOf({ total: 2, byCandidate: { a: 1, b: 1 }, contestId: 'c' } as never)).toEqual({ total: 2, byCandidate: { a: 1, b: 1 } });
  });
  it('takes just the limits out of a contest', () => {
    expect(voteRuleOf({ vote: { perDay: 3, perCandidatePerDay: 1, weight: 0 } as never })).toEqual({ perDay: 3, perCandidatePerDay: 1 });
  });
});
