import { AppError, ensure, type CandidateDoc, type ContestDoc } from '@yanzhen/domain';
import { db } from '../shared/cloud';

/** Reads shared by the vote actions. */

export async function loadContest(contestId: string): Promise<ContestDoc> {
  const found = await db.collection('contests').where({ _id: contestId }).limit(1).get();
  const contest = found.data[0] as ContestDoc | undefined;
  ensure(contest, 'not-found', '找不到该比武活动');
  return contest;
}

export const CANDIDATE_NOT_FOUND = '找不到该参赛书记';

/**
 * The candidate and its contest in ONE database operation (candidates `$lookup` contests): a vote's
 * reads before its transaction cost one operation, not two. `contest` is null when the candidate is
 * unknown or belongs to another contest; the caller then reads the contest alone to say why.
 */
export async function loadCandidateWithContest(contestId: string, candidateId: string): Promise<{ candidate: CandidateDoc | null; contest: ContestDoc | null }> {
  const res = (await db
    .collection('candidates')
    .aggregate()
    .match({ _id: candidateId, contestId })
    .lookup({ from: 'contests', localField: 'contestId', foreignField: '_id', as: 'contests' })
    .end()) as { list: (CandidateDoc & { contests: ContestDoc[] })[] };
  const row = res.list[0];
  if (!row) return { candidate: null, contest: null };
  const { contests, ...candidate } = row;
  return { candidate, contest: contests[0] ?? null };
}

/** True when the SDK error is CloudBase's "another transaction wrote this document first". */
export function isTransactionConflict(err: unknown): boolean {
  if (err instanceof AppError) return false;
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  const text = [e?.code, e?.errCode, e?.errMsg, e?.message].map((v) => String(v ?? '')).join(' ');
  return text.includes('TRANSACTION_CONFLICT') || /transaction conflict/i.test(text);
}

/** The transaction calls answer `{ code, message }` instead of throwing in some SDK paths: make them throw. */
export function checked<T>(res: T): T {
  const r = res as { code?: unknown; message?: unknown } | null;
  if (r && typeof r === 'object' && r.code) throw Object.assign(new Error(String(r.message ?? r.code)), { code: r.code });
  return res;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
