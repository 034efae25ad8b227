import { roundsOf, ruleOf, type CandidateDoc, type ContestDoc, type QuizAttemptDoc } from '@yanzhen/domain';
import { readAll } from '../shared/read-all';
import { ranking as voteRanking } from '../vote/ranking';
import { loadRecusals, loadScores } from './judging-data';
import type { ResultsInput } from './results-snapshot';

/** What publishing reads: the check list and the inputs of the rule (the snapshot itself: results-snapshot.ts). */
export const RESULTS = 'contestResults';

/** Why a contest cannot be published yet, in the words of the admin's check list; empty when it can. */
export function publishProblems(contest: ContestDoc, contestants: number): string[] {
  const problems: string[] = [];
  if (contest.published) problems.push('结果已经公布');
  const rounds = roundsOf(contest);
  const scored = rounds.filter((r) => r.kind === 'scored');
  if (!scored.length) problems.push('还没有设置评分轮次');
  const quizCounts = (ruleOf(contest).quizWeight ?? 0) > 0;
  rounds.forEach((r, i) => {
    if (!r.locked && (r.kind === 'scored' || quizCounts)) problems.push(`第${i + 1}轮（${r.form}）尚未锁定`);
  });
  if (!contestants) problems.push('还没有审核通过的参赛选手');
  return problems;
}

/** Everything the rule needs, read outside any transaction (queries cannot run inside one). */
export async function readResultsInput(contest: ContestDoc): Promise<ResultsInput> {
  const contestId = contest._id;
  const countsVotes = (contest.vote?.weight ?? 0) > 0;
  const [candidates, scores, recusals, quiz, votes] = await Promise.all([
    readAll<CandidateDoc>('candidates', { contestId, status: 'approved' }),
    loadScores(contestId),
    loadRecusals(contestId),
    roundsOf(contest).some((r) => r.kind === 'quiz')
      ? readAll<Pick<QuizAttemptDoc, 'roundKey' | 'candidateId' | 'score' | 'status'>>('quizAttempts', { contestId }, { field: { roundKey: true, candidateId: true, score: true, status: true } })
      : Promise.resolve([]),
    countsVotes ? voteRanking(contestId).then((r) => r.items.map((i) => ({ candidateId: i.candidateId, votes: i.votes }))) : Promise.resolve([]),
  ]);
  return { candidates, scores, recusals, quiz, votes };
}

