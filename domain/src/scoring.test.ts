import { randomFrom } from '../../scripts/random';
import { DIMENSION_KEYS, DIMENSIONS, type DimensionKey, type ScoringRule } from './contest';
import { aggregateScores, assignAwards, computeResults, round2, sharedPlaces, type ScoringInput } from './scoring';

const EQUAL = DIMENSIONS.map((d) => ({ key: d.key, weight: 1, maxScore: 100 }));
const TRIMMED: ScoringRule = { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] };
const all = (v: number): Record<DimensionKey, number> => Object.fromEntries(DIMENSION_KEYS.map((k) => [k, v])) as Record<DimensionKey, number>;

function input(over: Partial<ScoringInput> = {}): ScoringInput {
  return {
    dimensions: EQUAL,
    rounds: [{ key: 'r1', kind: 'scored' }],
    rule: TRIMMED,
    candidates: [
      { candidateId: 'a', name: '甲' },
      { candidateId: 'b', name: '乙' },
    ],
    scores: [],
    recusals: [],
    ...over,
  };
}

const score = (candidateId: string, judgeKey: string, dims: Partial<Record<DimensionKey, number>>, roundKey = 'r1') => ({ roundKey, candidateId, judgeKey, dimensions: dims });

describe('one dimension from its judges', () => {
  it('drops the highest and the lowest score once there are trimMinJudges of them', () => {
    expect(aggregateScores([60, 80, 82, 84, 100], TRIMMED)).toBe(82);
  });
  it('averages all of them below trimMinJudges, and always with the plain mean', () => {
    expect(aggregateScores([60, 80, 82, 100], TRIMMED)).toBe(80.5);
    expect(aggregateScores([60, 80, 82, 84, 100], { method: 'mean', trimMinJudges: 5 })).toBe(81.2);
  });
  it('has no value without a score', () => {
    expect(aggregateScores([], TRIMMED)).toBeNull();
  });
});

describe('totals', () => {
  it('are the weighted shares of each dimension maximum on a 100-point scale', () => {
    const dimensions = DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: i === 0 ? 50 : 100 }));
    // 组织建设 40 of 50 (80 %), every other dimension 90 of 100: 20×0.8 + 20×0.9 + 4×15×0.9 = 88.
    const [a] = computeResults(input({ dimensions, candidates: [{ candidateId: 'a', name: '甲' }], scores: [score('a', 'j1', { ...all(90), organization: 40 })] }));
    expect(a.total).toBe(88);
    expect(a.dimensions.organization).toBe(40);
  });
  it('trim each dimension separately and average the scored rounds', () => {
    const rounds = [
      { key: 'r1', kind: 'scored' as const },
      { key: 'r2', kind: 'scored' as const },
    ];
    const five = [70, 90, 91, 92, 99].map((v, i) => score('a', `j${i}`, all(v)));
    const [a] = computeResults(input({ rounds, candidates: [{ candidateId: 'a', name: '甲' }], scores: [...five, score('a', 'j0', all(85), 'r2')] }));
    // r1 trimmed: (90+91+92)/3 = 91; r2 one judge: 85; mean 88.
    expect(a.dimensions.grid).toBe(88);
    expect(a.total).toBe(88);
  });
  it('leave out a recused judge: with four judges left the plain mean applies', () => {
    const scores = [80, 84, 86, 90, 40].map((v, i) => score('a', `j${i}`, all(v)));
    const [a] = computeResults(input({ candidates: [{ candidateId: 'a', name: '甲' }], scores, recusals: [{ candidateId: 'a', judgeKey: 'j4' }] }));
    expect(a.total).toBe(85);
    // Without the recusal the 40 would be trimmed away: (80+84+86)/3.
    const [unrecused] = computeResults(input({ candidates: [{ candidateId: 'a', name: '甲' }], scores }));
    expect(unrecused.total).toBe(83.33);
  });
  it('mix in the quiz by its weight, a missing attempt as 0', () => {
    const rounds = [
      { key: 'r1', kind: 'scored' as const },
      { key: 'q', kind: 'quiz' as const },
    ];
    const rule = { ...TRIMMED, quizWeight: 20 };
    const [a, b] = computeResults(input({ rounds, rule, scores: [score('a', 'j1', all(90)), score('b', 'j1', all(90))], quizScores: [{ roundKey: 'q', candidateId: 'a', score: 50 }] }));
    expect(a).toMatchObject({ candidateId: 'a', judged: 90, quiz: 50, total: 82 });
    expect(b).toMatchObject({ candidateId: 'b', quiz: 0, total: 72 });
  });
  it('ignore public votes unless the contest gave them a weight', () => {
    const scores = [score('a', 'j1', all(80)), score('b', 'j1', all(81))];
    const votes = [
      { candidateId: 'a', votes: 1000 },
      { candidateId: 'b', votes: 10 },
    ];
    const unweighted = computeResults(input({ scores, votes }));
    expect(unweighted.map((r) => [r.candidateId, r.total, r.votes])).toEqual([
      ['b', 81, null],
      ['a', 80, null],
    ]);
    const weighted = computeResults(input({ scores, votes, voteWeight: 10 }));
    // a: 80×0.9 + 100×0.1 = 82; b: 81×0.9 + 1×0.1 = 73.
    expect(weighted.map((r) => [r.candidateId, r.total])).toEqual([
      ['a', 82],
      ['b', 73],
    ]);
  });
  it('are 0 for a contestant nobody scored', () => {
    const [, b] = computeResults(input({ scores: [score('a', 'j1', all(60))] }));
    expect(b).toMatchObject({ candidateId: 'b', total: 0, place: 2 });
  });
});

describe('ties', () => {
  const equalTotals = [score('a', 'j1', { ...all(80), organization: 70, team: 90 }), score('b', 'j1', { ...all(80), organization: 90, team: 70 })];
  it('are broken by the tie-break dimensions in order', () => {
    expect(computeResults(input({ scores: equalTotals })).map((r) => [r.candidateId, r.place])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    const teamFirst = { ...TRIMMED, tieBreak: ['team', 'organization'] as DimensionKey[] };
    expect(computeResults(input({ scores: equalTotals, rule: teamFirst })).map((r) => r.candidateId)).toEqual(['a', 'b']);
  });
  it('still equal share the place (listed by id) and the prize tier', () => {
    const rule = { ...TRIMMED, tieBreak: [] };
    const candidates = ['d', 'c', 'b', 'a'].map((id) => ({ candidateId: id, name: id }));
    const scores = [score('a', 'j', all(90)), score('b', 'j', all(80)), score('c', 'j', all(80)), score('d', 'j', all(70))];
    const ranking = computeResults(input({ rule, candidates, scores }));
    expect(ranking.map((r) => [r.candidateId, r.place])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(assignAwards(ranking, [{ tier: '一等奖', count: 1 }, { tier: '二等奖', count: 1 }, { tier: '三等奖', count: 1 }]).map((a) => `${a.candidateId}:${a.tier}`)).toEqual([
      'a:一等奖',
      'b:二等奖',
      'c:二等奖',
    ]);
  });
  it('compare the rounded totals, as shown', () => {
    expect(round2(83.334)).toBe(83.33);
    expect(round2(1.005)).toBe(1.01);
    expect(sharedPlaces([{ total: 83.33, dimensions: all(1) }, { total: 83.33, dimensions: all(1) }], [])).toEqual([1, 1]);
  });
});

describe('awards', () => {
  it('go to places in order by the tier counts (2023: 1 first, 2 second, 3 third of 17)', () => {
    const candidates = Array.from({ length: 17 }, (_, i) => ({ candidateId: `c${String(i).padStart(2, '0')}`, name: `书记${i}` }));
    const scores = candidates.map((c, i) => score(c.candidateId, 'j', all(95 - i)));
    const awards = assignAwards(computeResults(input({ candidates, scores })), [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
      { tier: '三等奖', count: 3 },
    ]);
    expect(awards.map((a) => a.tier)).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖']);
    expect(awards[0]).toEqual({ tier: '一等奖', candidateId: 'c00', name: '书记0', total: 95 });
  });
});

/** Fisher–Yates with a seeded generator, so that a failure can be replayed. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('property: the order scores arrive in changes nothing', () => {
  it('gives the same ranking for 200 random contests, each in 5 shuffled orders', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = randomFrom(seed);
      const candidates = Array.from({ length: 2 + Math.floor(random() * 10) }, (_, i) => ({ candidateId: `c${i}`, name: `c${i}` }));
      const judges = Array.from({ length: 1 + Math.floor(random() * 7) }, (_, i) => `j${i}`);
      const rounds = [
        { key: 'r1', kind: 'scored' as const },
        { key: 'r2', kind: 'scored' as const },
        { key: 'q', kind: 'quiz' as const },
      ];
      const scores = rounds
        .filter((r) => r.kind === 'scored')
        .flatMap((r) =>
          candidates.flatMap((c) =>
            judges
              .filter(() => random() < 0.85)
              // Decimal scores (e.g. 87.3) make float sums order-sensitive unless the rule fixes an order.
              .map((j) => score(c.candidateId, j, Object.fromEntries(DIMENSION_KEYS.map((k) => [k, Math.round(random() * 1000) / 10])), r.key)),
          ),
        );
      const recusals = candidates.filter(() => random() < 0.3).map((c) => ({ candidateId: c.candidateId, judgeKey: judges[Math.floor(random() * judges.length)] }));
      const quizScores = candidates.map((c) => ({ roundKey: 'q', candidateId: c.candidateId, score: Math.round(random() * 100) }));
      const rule: ScoringRule = { method: random() < 0.7 ? 'trimmed-mean' : 'mean', trimMinJudges: 3 + Math.floor(random() * 3), tieBreak: ['organization', 'team'], quizWeight: Math.floor(random() * 30) };
      const base = { dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: 10 + i * 3, maxScore: 100 })), rounds, rule, candidates, scores, recusals, quizScores };
      const expected = computeResults(base);
      for (let k = 0; k < 5; k++) {
        const again = computeResults({
          ...base,
          candidates: shuffled(candidates, random),
          scores: shuffled(scores, random),
          recusals: shuffled(recusals, random),
          quizScores: shuffled(quizScores, random),
        });
        expect(again).toEqual(expected);
      }
    }
  });
});
