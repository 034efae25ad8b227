import { chinaDay, isVotingOpen, quotaDocId, rankCandidates, remainingToday, usageOf, voteRuleOf, type RankingItem } from '@yanzhen/domain';
import { db } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import type { QuotaDoc } from './cast';

/**
 * The popularity ranking reads only the candidates and the shard tallies of one contest: a bounded number
 * of small documents (candidates × TALLY_SHARDS), whatever the number of votes.
 */
const PAGE = 1000; // the server SDK's largest page

async function readAll<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await db.collection(collection).where(where).skip(out.length).limit(PAGE).get();
    out.push(...(page.data as T[]));
    if (page.data.length < PAGE) return out;
  }
}

export async function ranking(contestId: string): Promise<{ items: RankingItem[]; updatedAt: Date | null }> {
  // The contest check runs beside the two reads, not before them: one round trip instead of two.
  const [, candidates, tallies] = await Promise.all([
    loadContest(contestId),
    readAll<{ _id: string; name: string }>('candidates', { contestId, status: 'approved' }),
    readAll<{ candidateId: string; votes: number; updatedAt?: Date }>('voteTallies', { contestId }),
  ]);
  let updatedAt: Date | null = null;
  for (const t of tallies) {
    if (t.updatedAt && (!updatedAt || new Date(t.updatedAt) > updatedAt)) updatedAt = new Date(t.updatedAt);
  }
  return { items: rankCandidates(candidates, tallies), updatedAt };
}

export interface QuotaView {
  votingOpen: boolean;
  remainingToday: number;
  perDay: number;
  perCandidatePerDay: number;
  /** Candidates the caller voted for today (each as many times as voted). */
  votedToday: string[];
  day: string;
}

export async function quota(contestId: string, voterId: string, now: Date): Promise<QuotaView> {
  const day = chinaDay(now);
  const [contest, found] = await Promise.all([
    loadContest(contestId),
    db.collection('voteQuotas').where({ _id: quotaDocId(contestId, voterId, day) }).limit(1).get(),
  ]);
  const rule = voteRuleOf(contest);
  const usage = usageOf(found.data[0] as QuotaDoc | undefined);
  const open = isVotingOpen(contest.vote, now);
  return {
    votingOpen: open,
    remainingToday: open ? remainingToday(rule, usage) : 0,
    ...rule,
    votedToday: Object.entries(usage.byCandidate).flatMap(([id, n]) => Array<string>(n).fill(id)),
    day,
  };
}
