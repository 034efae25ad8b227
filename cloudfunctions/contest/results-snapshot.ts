import {
  assignAwards,
  computeResults,
  roundsOf,
  ruleOf,
  scoringRuleText,
  type AwardResult,
  type CandidateDoc,
  type CandidateResult,
  type ContestDoc,
  type ContestRound,
  type DimensionKey,
  type QuizAttemptDoc,
  type ScoreDoc,
  type ScoringRule,
} from '@yanzhen/domain';
import { userKey } from '../shared/user-key';

/**
 * The published snapshot (`contestResults/<contestId>`, ADMINONLY), built without touching the database so that
 * the demo seed (scripts/seed/contest-2023.ts) publishes the 2023 contest with the very same code. It holds the
 * rule, the numbers and the judges' sheets exactly as computed when the admin published: results, the public
 * sheets and the export all read it, so what was announced never drifts from what is shown.
 */

/** One row of a judge's score sheet: her scores of one contestant in one round, or her recusal. */
export interface SheetRow {
  roundKey: string;
  form: string;
  candidateId: string;
  name: string;
  recused: boolean;
  dimensions: Partial<Record<DimensionKey, number>>;
  note?: string;
}

export interface JudgeSheet {
  /** 评委1, 评委2, … in the order the rounds list the judges: what the public sheets show instead of anyone's id. */
  label: string;
  judgeKey: string;
  rows: SheetRow[];
}

export interface ResultsSnapshot {
  _id: string;
  contestId: string;
  rule: ScoringRule;
  ruleText: string;
  dimensions: ContestDoc['dimensions'];
  voteWeight: number;
  ranking: CandidateResult[];
  awards: AwardResult[];
  sheets: JudgeSheet[];
  sheetsPublic: boolean;
  publishedAt: Date;
  /** userKey of the admin who published. */
  publishedBy: string;
}

export interface ResultsInput {
  candidates: CandidateDoc[];
  scores: ScoreDoc[];
  recusals: { candidateId: string; judgeKey: string }[];
  quiz: Pick<QuizAttemptDoc, 'roundKey' | 'candidateId' | 'score' | 'status'>[];
  votes: { candidateId: string; votes: number }[];
}

/** The ranking and awards by the contest's rule (the pure function in domain/src/scoring.ts). */
export function resultsOf(contest: ContestDoc, input: ResultsInput): { ranking: CandidateResult[]; awards: AwardResult[] } {
  const ranking = computeResults({
    dimensions: contest.dimensions,
    rounds: roundsOf(contest),
    rule: ruleOf(contest),
    candidates: input.candidates.map((c) => ({ candidateId: c._id, name: c.name })),
    scores: input.scores,
    recusals: input.recusals,
    // Only a submitted attempt has a score; one never submitted in time counts as 0 (as no attempt).
    quizScores: input.quiz.filter((a) => a.status === 'submitted' && typeof a.score === 'number').map((a) => ({ roundKey: a.roundKey, candidateId: a.candidateId, score: a.score as number })),
    votes: input.votes,
    voteWeight: contest.vote?.weight ?? 0,
  });
  return { ranking, awards: assignAwards(ranking, contest.awards) };
}

/** Each judge's sheet: every score she gave and every contestant she was recused from, round by round. */
export function judgeSheets(rounds: readonly ContestRound[], input: ResultsInput): JudgeSheet[] {
  const scored = rounds.filter((r) => r.kind === 'scored');
  const order: string[] = [];
  for (const r of scored) for (const openid of r.judges) if (!order.includes(userKey(openid))) order.push(userKey(openid));
  for (const s of [...input.scores].sort((a, b) => a._id.localeCompare(b._id))) if (!order.includes(s.judgeKey)) order.push(s.judgeKey);
  const names = new Map(input.candidates.map((c) => [c._id, c.name]));
  const recusedPairs = new Set(input.recusals.map((r) => `${r.candidateId}|${r.judgeKey}`));
  const recused = (candidateId: string, judgeKey: string) => recusedPairs.has(`${candidateId}|${judgeKey}`);
  const scoreOf = new Map(input.scores.map((s) => [`${s.roundKey}|${s.candidateId}|${s.judgeKey}`, s]));
  const candidates = [...input.candidates].sort((a, b) => a._id.localeCompare(b._id));
  return order.map((judgeKey, i) => ({
    label: `评委${i + 1}`,
    judgeKey,
    rows: scored.flatMap((r) =>
      candidates.flatMap((c): SheetRow[] => {
        const isRecused = recused(c._id, judgeKey);
        const s = scoreOf.get(`${r.key}|${c._id}|${judgeKey}`);
        if (!s && !isRecused) return [];
        return [{ roundKey: r.key, form: r.form, candidateId: c._id, name: names.get(c._id) ?? '', recused: isRecused, dimensions: isRecused ? {} : { ...s?.dimensions }, ...(s?.note && !isRecused ? { note: s.note } : {}) }];
      }),
    ),
  }));
}

/** The snapshot publishing stores. */
export function buildSnapshot(contest: ContestDoc, input: ResultsInput, opts: { sheetsPublic: boolean; at: Date; actor: string }): ResultsSnapshot {
  const rule = ruleOf(contest);
  const { ranking, awards } = resultsOf(contest, input);
  return {
    _id: contest._id,
    contestId: contest._id,
    rule,
    ruleText: scoringRuleText(rule),
    dimensions: contest.dimensions,
    voteWeight: contest.vote?.weight ?? 0,
    ranking,
    awards,
    sheets: judgeSheets(roundsOf(contest), input),
    sheetsPublic: opts.sheetsPublic,
    publishedAt: opts.at,
    publishedBy: userKey(opts.actor),
  };
}

/** A sheet as the public sees it: a label, no judge key, no private note. */
export const publicSheet = (s: JudgeSheet) => ({ label: s.label, rows: s.rows.map(({ note: _note, ...row }) => row) });
