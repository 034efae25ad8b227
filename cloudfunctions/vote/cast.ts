import {
  chinaDay,
  decideVote,
  ensure,
  isVotingOpen,
  quotaDocId,
  refusalMessage,
  tallyDocId,
  tallyShard,
  usageOf,
  voteRuleOf,
  AppError,
  type QuotaUsage,
  type VoteRule,
} from '@yanzhen/domain';
import { _, db } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import type { Transaction } from '../shared/db-types';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { CANDIDATE_NOT_FOUND, loadCandidateWithContest } from './store';

/**
 * One vote, as one database transaction over three documents:
 *   voteQuotas/<contest>:<voter>:<day>   the voter's counters for the day (read, checked, written)
 *   votes/<auto id>                      the vote itself, the audit trail
 *   voteTallies/<contest>:<cand>:<shard> `$inc` on one of TALLY_SHARDS shards per candidate
 * Parallel casts from one voter all write the quota document, so all but one conflict and retry: the
 * limits hold without locks. Votes by different voters for one candidate spread over the shards, so the
 * hot-document problem of a single counter does not arise. Tally and records change together or not at
 * all, so the ranking (which reads only tallies) equals the records exactly.
 */
export interface QuotaDoc extends QuotaUsage {
  contestId: string;
  voterId: string;
  day: string;
  updatedAt: Date;
}

function votingClosedMessage(window: { start: Date; end: Date }, now: Date): string {
  return now.getTime() < new Date(window.start).getTime() ? '投票尚未开始，敬请期待' : '投票已经结束，感谢您的关注';
}

export async function castVote(contestId: string, candidateId: string, voterId: string, now: Date): Promise<{ remainingToday: number }> {
  const { candidate, contest: joined } = await loadCandidateWithContest(contestId, candidateId);
  // Judged in order: unknown contest, then closed window, then unknown (or unapproved) candidate.
  const contest = joined ?? (await loadContest(contestId));
  ensure(isVotingOpen(contest.vote, now), 'failed-precondition', votingClosedMessage(contest.vote, now));
  ensure(candidate && candidate.status === 'approved', 'not-found', CANDIDATE_NOT_FOUND);
  const vote = { contestId, candidateId: candidate._id, voterId, day: chinaDay(now), now, rule: voteRuleOf(contest) };
  return inTransaction((t) => castIn(t, vote), '投票的人太多了，请稍后再试');
}

interface CastInput {
  contestId: string;
  candidateId: string;
  voterId: string;
  day: string;
  now: Date;
  rule: VoteRule;
}

async function castIn(t: Transaction, { contestId, candidateId, voterId, day, now, rule }: CastInput): Promise<{ remainingToday: number }> {
  const quotaId = quotaDocId(contestId, voterId, day);
  const decision = decideVote(rule, usageOf(await readInTransaction<QuotaDoc>(t, 'voteQuotas', quotaId)), candidateId);
  if (!decision.accepted) throw new AppError('resource-exhausted', refusalMessage(decision.reason, rule), { remainingToday: decision.remainingToday });
  const quota: QuotaDoc = { contestId, voterId, day, ...decision.usage, updatedAt: now };
  checked(await t.collection('voteQuotas').doc(quotaId).set({ data: quota }));
  checked(await t.collection('votes').add({ data: { contestId, candidateId, voterId, day, at: now } }));
  const shard = tallyShard(voterId);
  const tallyId = tallyDocId(contestId, candidateId, shard);
  const bumped = checked(await t.collection('voteTallies').doc(tallyId).update({ data: { votes: _.inc(1), updatedAt: now } })) as { updated?: number; stats?: { updated?: number } };
  if ((bumped.updated ?? bumped.stats?.updated ?? 0) === 0) {
    // First vote on this shard: create it. A concurrent creator makes one of the two commits conflict.
    checked(await t.collection('voteTallies').doc(tallyId).set({ data: { contestId, candidateId, shard, votes: 1, updatedAt: now } }));
  }
  return { remainingToday: decision.remainingToday };
}
