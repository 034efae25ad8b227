import { AppError, ensure, type CandidateDoc, type ContestDoc } from '@yanzhen/domain';
import { db } from '../shared/cloud';

/** Reads shared by the vote actions: the contest and one of its candidates, by `_id` (one op each). */

export async function loadContest(contestId: string): Promise<ContestDoc> {
  const found = await db.collection('contests').where({ _id: contestId }).limit(1).get();
  const contest = found.data[0] as ContestDoc | undefined;
  ensure(contest, 'not-found', '找不到该比武活动');
  return contest;
}

/** The candidate, only if approved in this contest; anything else reads as "no such candidate". */
export async function loadApprovedCandidate(contestId: string, candidateId: string): Promise<CandidateDoc> {
  const found = await db.collection('candidates').where({ _id: candidateId }).limit(1).get();
  const candidate = found.data[0] as CandidateDoc | undefined;
  ensure(candidate && candidate.contestId === contestId && candidate.status === 'approved', 'not-found', '找不到该参赛书记');
  return candidate;
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
