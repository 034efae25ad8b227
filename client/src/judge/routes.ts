import type { JudgeContestant } from '../services/judging';

/** Where a contestant stands for this judge: scored, still to score, or recused (and why). */
export function contestantBadge(c: JudgeContestant): { text: string; kind: 'done' | 'todo' | 'off' } {
  if (c.recusal === 'same-street') return { text: '回避（同街道）', kind: 'off' };
  if (c.recusal === 'declared') return { text: '已申报回避', kind: 'off' };
  return c.myScore ? { text: '已评分', kind: 'done' } : { text: '未评分', kind: 'todo' };
}

export const scorePageUrl = (contestId: string, roundKey: string, candidateId: string) =>
  `/judge/score/index?contestId=${encodeURIComponent(contestId)}&roundKey=${encodeURIComponent(roundKey)}&candidateId=${encodeURIComponent(candidateId)}`;

/** `朝阳里` and `朝阳里社区` both as `朝阳里社区` (registrations store the community either way). */
export const communityText = (community: string): string => (community.endsWith('社区') ? community : `${community}社区`);
