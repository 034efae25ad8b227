import type { ContestRound, DimensionKey, ScoreDoc, ScoringRule } from './contest';

/**
 * The contest's scoring rule as a pure function (issue 10): judges' scores, quiz results and (only when an admin
 * gave them a weight) public votes in; totals, shared places and award tiers out. Published results are this
 * function's output, stored once; nothing here reads a clock, a database or the order scores arrived in.
 *
 * How a total is made (a 100-point scale):
 * 1. Per scored round, dimension and contestant: the scores of the judges not recused from her. With the
 *    `trimmed-mean` method and at least `trimMinJudges` such scores, the highest and the lowest one are dropped;
 *    the rest are averaged (the `mean` method always averages them all). A round without a score for her adds
 *    nothing.
 * 2. Her dimension score is the mean of those round values, on the dimension's own scale (0–maxScore); 0 with none.
 * 3. The judged score = Σ weight × (dimension score ÷ maxScore) × 100 ÷ Σ weight (weights are relative:
 *    20/20/15/15/15/15 reads as percents; all-zero weights count equally).
 * 4. total = judged × (100 − quizWeight − voteWeight)% + quiz × quizWeight% + votes × voteWeight%, where quiz is
 *    the mean of her quiz rounds' scores (0–100, a missing attempt is 0) and votes is her public votes ÷ the most
 *    any contestant got × 100. Both weights default to 0; together they are capped at 100.
 * 5. Scores are rounded to 2 decimals; ranking by total (higher first), then by the rule's `tieBreak` dimensions
 *    in order; contestants still equal share the place (1, 2, 2, 4) and are listed by candidate id.
 * 6. Award tiers in order, by counts: place p gets the first tier whose cumulative count reaches p, so
 *    contestants sharing a place share a tier (a tie on the last prize awards one more).
 */

export interface ScoringCandidate {
  candidateId: string;
  name: string;
}

export interface ScoringInput {
  dimensions: readonly { key: DimensionKey; weight: number; maxScore: number }[];
  rounds: readonly Pick<ContestRound, 'key' | 'kind'>[];
  rule: ScoringRule;
  candidates: readonly ScoringCandidate[];
  scores: readonly Pick<ScoreDoc, 'roundKey' | 'candidateId' | 'judgeKey' | 'dimensions'>[];
  /** Judges recused from contestants (same street or declared): their scores of her do not count. */
  recusals: readonly { candidateId: string; judgeKey: string }[];
  /** Quiz attempts (quizAttempts.score, 0–100). */
  quizScores?: readonly { roundKey: string; candidateId: string; score: number }[];
  /** Public votes per contestant; they count only with `voteWeight` > 0 (the contest's `vote.weight`). */
  votes?: readonly { candidateId: string; votes: number }[];
  voteWeight?: number;
}

export interface CandidateResult {
  candidateId: string;
  name: string;
  /** 0–100, 2 decimals. */
  total: number;
  /** 1-based; contestants equal on total and every tie-break dimension share it. */
  place: number;
  /** Each dimension on its own scale (0–maxScore), 2 decimals. */
  dimensions: Record<DimensionKey, number>;
  /** The judged part on the 100-point scale, before quiz and votes are mixed in. */
  judged: number;
  quiz: number | null;
  votes: number | null;
}

export interface AwardResult {
  tier: string;
  candidateId: string;
  name: string;
  total: number;
}

/** Rounds half away from zero to 2 decimals (EPSILON: 1.005 is stored as 1.00499…). */
export const round2 = (x: number): number => Math.sign(x) * (Math.round((Math.abs(x) + Number.EPSILON) * 100) / 100);

/** Sum in ascending order: float addition is not associative, so a fixed order makes the result order-free. */
function sortedSum(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0);
}

const mean = (values: readonly number[]): number => (values.length ? sortedSum(values) / values.length : 0);

/** One dimension's value in one round from its judges' scores, by the rule. */
export function aggregateScores(values: readonly number[], rule: Pick<ScoringRule, 'method' | 'trimMinJudges'>): number | null {
  if (!values.length) return null;
  if (rule.method === 'trimmed-mean' && values.length >= Math.max(3, rule.trimMinJudges)) {
    const sorted = [...values].sort((a, b) => a - b);
    return mean(sorted.slice(1, -1));
  }
  return mean(values);
}

const clampPercent = (x: number | undefined): number => Math.min(100, Math.max(0, Number.isFinite(x) ? (x as number) : 0));

/** Orders two results: total, then the tie-break dimensions (higher first); 0 when they share a place. */
type Ranked = Pick<CandidateResult, 'total' | 'dimensions'>;

function compareResults(a: Ranked, b: Ranked, tieBreak: readonly DimensionKey[]): number {
  if (a.total !== b.total) return b.total - a.total;
  for (const key of tieBreak) if (a.dimensions[key] !== b.dimensions[key]) return b.dimensions[key] - a.dimensions[key];
  return 0;
}

/**
 * Places for a list already sorted by the rule (total, then tie-break dimensions): competition ranking, equal
 * entries share the place. The client uses it on the published ranking too.
 */
export function sharedPlaces(sorted: readonly Ranked[], tieBreak: readonly DimensionKey[]): number[] {
  const places: number[] = [];
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    places.push(prev && compareResults(prev, r, tieBreak) === 0 ? places[i - 1] : i + 1);
  });
  return places;
}

/** Every contestant's total and dimension scores by the rule, ranked (see the file comment for the rule). */
export function computeResults(input: ScoringInput): CandidateResult[] {
  const { rule } = input;
  const scoredRounds = new Set(input.rounds.filter((r) => r.kind === 'scored').map((r) => r.key));
  const quizRounds = input.rounds.filter((r) => r.kind === 'quiz').map((r) => r.key);
  const recused = new Set(input.recusals.map((r) => `${r.candidateId}|${r.judgeKey}`));

  // candidate → round → dimension → the counted scores. A judge's latest score is her only one (one doc per id).
  const byCandidate = new Map<string, Map<string, Map<DimensionKey, number[]>>>();
  for (const s of input.scores) {
    if (!scoredRounds.has(s.roundKey) || recused.has(`${s.candidateId}|${s.judgeKey}`)) continue;
    const rounds = byCandidate.get(s.candidateId) ?? new Map<string, Map<DimensionKey, number[]>>();
    byCandidate.set(s.candidateId, rounds);
    const dims = rounds.get(s.roundKey) ?? new Map<DimensionKey, number[]>();
    rounds.set(s.roundKey, dims);
    for (const d of input.dimensions) {
      const v = s.dimensions[d.key];
      if (typeof v === 'number' && Number.isFinite(v)) dims.set(d.key, [...(dims.get(d.key) ?? []), v]);
    }
  }

  const quizWeight = quizRounds.length ? clampPercent(rule.quizWeight) : 0;
  const voteWeight = Math.min(clampPercent(input.voteWeight), 100 - quizWeight);
  const votesOf = new Map((input.votes ?? []).map((v) => [v.candidateId, v.votes]));
  const mostVotes = Math.max(0, ...votesOf.values());
  const quizOf = new Map((input.quizScores ?? []).map((q) => [`${q.candidateId}|${q.roundKey}`, q.score]));
  const weightSum = sortedSum(input.dimensions.map((d) => Math.max(0, d.weight)));

  const results = input.candidates.map((c): CandidateResult => {
    const rounds = byCandidate.get(c.candidateId);
    const dimensions = {} as Record<DimensionKey, number>;
    const weighted: number[] = [];
    for (const d of input.dimensions) {
      const roundValues: number[] = [];
      for (const dims of rounds?.values() ?? []) {
        const v = aggregateScores(dims.get(d.key) ?? [], rule);
        if (v !== null) roundValues.push(v);
      }
      const value = mean(roundValues);
      dimensions[d.key] = round2(value);
      const share = d.maxScore > 0 ? value / d.maxScore : 0;
      weighted.push(weightSum > 0 ? (Math.max(0, d.weight) * share * 100) / weightSum : (share * 100) / input.dimensions.length);
    }
    const judged = sortedSum(weighted);
    const quiz = quizWeight > 0 ? mean(quizRounds.map((k) => quizOf.get(`${c.candidateId}|${k}`) ?? 0)) : null;
    const votes = voteWeight > 0 ? (mostVotes > 0 ? ((votesOf.get(c.candidateId) ?? 0) / mostVotes) * 100 : 0) : null;
    const total = (judged * (100 - quizWeight - voteWeight) + (quiz ?? 0) * quizWeight + (votes ?? 0) * voteWeight) / 100;
    return {
      candidateId: c.candidateId,
      name: c.name,
      total: round2(total),
      place: 0,
      dimensions,
      judged: round2(judged),
      quiz: quiz === null ? null : round2(quiz),
      votes: votes === null ? null : round2(votes),
    };
  });

  results.sort((a, b) => compareResults(a, b, rule.tieBreak) || a.candidateId.localeCompare(b.candidateId));
  const places = sharedPlaces(results, rule.tieBreak);
  return results.map((r, i) => ({ ...r, place: places[i] }));
}

/** Award tiers by place and counts (file comment, point 6), best tier first, in ranking order. */
export function assignAwards(ranking: readonly CandidateResult[], tiers: readonly { tier: string; count: number }[]): AwardResult[] {
  const out: AwardResult[] = [];
  for (const r of ranking) {
    let reach = 0;
    const tier = tiers.find((t) => (reach += Math.max(0, t.count)) >= r.place);
    if (tier) out.push({ tier: tier.tier, candidateId: r.candidateId, name: r.name, total: r.total });
  }
  return out;
}
