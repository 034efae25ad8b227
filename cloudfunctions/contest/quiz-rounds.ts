import { ensure, type ContestDoc, type ContestRound } from '@yanzhen/domain';

/**
 * The quiz rounds of a contest (rounds of kind `quiz`, domain/src/contest.ts) and whether one is open for
 * attempts: the contest's scoring window has begun and not ended, and the round is not locked.
 */
export const quizRoundsOf = (contest: ContestDoc): ContestRound[] => (contest.rounds ?? []).filter((r) => r.kind === 'quiz');

export function isQuizOpen(contest: ContestDoc, round: ContestRound, now: Date): boolean {
  if (round.locked || !contest.scoring) return false;
  return new Date(contest.scoring.start).getTime() <= now.getTime() && now.getTime() < new Date(contest.scoring.end).getTime();
}

/** The quiz round `roundKey` of the contest, or `not-found`. */
export function quizRound(contest: ContestDoc, roundKey: string): ContestRound {
  const round = quizRoundsOf(contest).find((r) => r.key === roundKey);
  ensure(round, 'not-found', '该比武没有这一轮知识竞赛');
  return round;
}
