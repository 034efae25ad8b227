import type { CandidateDoc, ContestDoc } from '@yanzhen/domain';
import { db } from '../shared/cloud';

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
