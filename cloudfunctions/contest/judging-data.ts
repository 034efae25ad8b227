import type { CandidateDoc, RecusalDoc, RecusalReason, ScoreDoc } from '@yanzhen/domain';
import { _ } from '../shared/cloud';
import type { UserDoc } from '../shared/identity';
import { readAll } from '../shared/read-all';
import { userKey } from '../shared/user-key';

/**
 * What judging left in the database, read the way results (B2) and the judging actions need it: every score
 * of a contest, the judges with their streets, and who is recused from whom.
 *
 * A judge's street (for the automatic same-street recusal) is the street of her judge assignment when the admin
 * recorded one (`judgeAssignments.street`), else the street of her user document (a bound secretary's). An
 * invited judge with neither has no street and is recused only where she declares a conflict.
 */

/** A judge assignment (`judgeAssignments`, written by `user.redeemCode` or the seed). */
export interface JudgeAssignmentDoc {
  _id: string;
  contestId: string;
  openid: string;
  key: string;
  street?: string;
  createdAt?: Date;
  /** Touched by every score write and by every round lock of the contest: the guard that makes the lock win. */
  scoreGuardAt?: Date;
}

export interface ContestJudge {
  openid: string;
  judgeKey: string;
  street: string | null;
  /** The judge's own secretary record, if she is a bound secretary (she cannot judge her own candidacy). */
  secretaryId: string | null;
  assignmentId: string;
}

export interface Recusal {
  candidateId: string;
  judgeKey: string;
  reason: RecusalReason;
  note?: string;
}

/** Every score of a contest (all rounds, all judges), in id order. */
export function loadScores(contestId: string): Promise<ScoreDoc[]> {
  return readAll<ScoreDoc>('scores', { contestId });
}

/** The judges of a contest with their streets. */
export async function loadJudges(contestId: string): Promise<ContestJudge[]> {
  const assignments = await readAll<JudgeAssignmentDoc>('judgeAssignments', { contestId });
  const openids = assignments.map((a) => a.openid);
  const users = openids.length ? await readAll<UserDoc>('users', { _id: _.in(openids) }, { field: { _id: true, street: true, secretaryId: true } }) : [];
  const byId = new Map(users.map((u) => [u._id, u]));
  return assignments.map((a) => ({
    openid: a.openid,
    judgeKey: a.key || userKey(a.openid),
    street: a.street ?? byId.get(a.openid)?.street ?? null,
    secretaryId: byId.get(a.openid)?.secretaryId ?? null,
    assignmentId: a._id,
  }));
}

/** Same-street recusals (computed) of these judges and contestants. */
export function sameStreetRecusals(judges: readonly Pick<ContestJudge, 'judgeKey' | 'street'>[], candidates: readonly Pick<CandidateDoc, '_id' | 'street'>[]): Recusal[] {
  const out: Recusal[] = [];
  for (const j of judges) {
    if (!j.street) continue;
    for (const c of candidates) if (c.street === j.street) out.push({ candidateId: c._id, judgeKey: j.judgeKey, reason: 'same-street' });
  }
  return out;
}

/**
 * Every recusal of a contest: same-street ones computed from the judges' streets and the approved contestants',
 * declared ones from `recusals`. A pair both same-street and declared is listed once, as same-street.
 */
export async function loadRecusals(contestId: string): Promise<Recusal[]> {
  const [judges, candidates, declared] = await Promise.all([
    loadJudges(contestId),
    readAll<CandidateDoc>('candidates', { contestId, status: 'approved' }, { field: { _id: true, street: true } }),
    readAll<RecusalDoc>('recusals', { contestId }),
  ]);
  const computed = sameStreetRecusals(judges, candidates);
  const seen = new Set(computed.map((r) => `${r.candidateId}|${r.judgeKey}`));
  const stored = declared
    .filter((r) => !seen.has(`${r.candidateId}|${r.judgeKey}`))
    .map((r): Recusal => ({ candidateId: r.candidateId, judgeKey: r.judgeKey, reason: r.reason, ...(r.note ? { note: r.note } : {}) }));
  return [...computed, ...stored];
}

/** A lookup `(candidateId, judgeKey) → recused?` over a list of recusals. */
export function recusalLookup(recusals: readonly Recusal[]): (candidateId: string, judgeKey: string) => boolean {
  const set = new Set(recusals.map((r) => `${r.candidateId}|${r.judgeKey}`));
  return (candidateId, judgeKey) => set.has(`${candidateId}|${judgeKey}`);
}

/** The scores that count: those of judges not recused from the contestant. */
export async function countedScores(contestId: string): Promise<ScoreDoc[]> {
  const [scores, recusals] = await Promise.all([loadScores(contestId), loadRecusals(contestId)]);
  const recused = recusalLookup(recusals);
  return scores.filter((s) => !recused(s.candidateId, s.judgeKey));
}
