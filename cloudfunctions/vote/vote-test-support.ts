/**
 * Helpers for the vote integration tests: set up contests of their own, and read back what the ballot
 * boxes hold (the records and tallies a vote leaves) through the admin SDK. Not bundled into `vote`.
 */
import type { BallotBoxDoc, ContestDoc } from '@yanzhen/domain';
import type { Db } from '../shared/db-types';
import { readAll } from '../test-support/functions-client';

export interface StoredVote {
  voter: string;
  candidateId: string;
  at: Date;
  day: string;
  boxId: string;
}

/** Every ballot box of a contest. */
export const boxesOf = (db: Db, contestId: string) => readAll<BallotBoxDoc>(db, 'ballotBoxes', { contestId });

/** Every vote on record in a contest, from the boxes' logs. */
export async function storedVotes(db: Db, contestId: string): Promise<StoredVote[]> {
  return (await boxesOf(db, contestId)).flatMap((b) => b.log.map((r) => ({ ...r, at: new Date(r.at), day: b.day, boxId: b._id })));
}

/** Votes per candidate counted from the records. */
export function countByCandidate(votes: readonly { candidateId: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of votes) out[v.candidateId] = (out[v.candidateId] ?? 0) + 1;
  return out;
}

/** A contest of the test's own (3 votes a day, 1 per candidate by default) with `candidates` approved candidates `<id>-c<n>`. */
export async function createContest(
  db: Db,
  id: string,
  opts: { candidates: number; start?: Date; end?: Date; perDay?: number; perCandidatePerDay?: number },
): Promise<string[]> {
  const now = Date.now();
  const contest: Omit<ContestDoc, '_id'> = {
    title: `测试比武 ${id}`,
    year: 2026,
    theme: '测试',
    status: 'registration',
    dimensions: [],
    forms: [],
    vote: {
      start: opts.start ?? new Date(now - 86_400_000),
      end: opts.end ?? new Date(now + 10 * 86_400_000),
      perDay: opts.perDay ?? 3,
      perCandidatePerDay: opts.perCandidatePerDay ?? 1,
      weight: 0,
    },
    scoringRule: '去掉最高分和最低分后取平均',
    awards: [],
    createdAt: new Date(),
  };
  await db.collection('contests').doc(id).set({ data: contest });
  const ids = Array.from({ length: opts.candidates }, (_, i) => `${id}-c${i}`);
  await Promise.all(
    ids.map((cid, i) =>
      db.collection('candidates').doc(cid).set({
        data: { contestId: id, secretaryId: `sec-${id}-${i}`, name: `候选人${i + 1}`, community: '测试社区', street: '大观园', status: 'approved', createdAt: new Date() },
      }),
    ),
  );
  return ids;
}
