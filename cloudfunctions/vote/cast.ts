import {
  AppError,
  chinaDay,
  decideVote,
  EMPTY_USAGE,
  ensure,
  isVotingOpen,
  quotaDocId,
  refusalMessage,
  tallyDocId,
  tallyShard,
  type QuotaUsage,
} from '@yanzhen/domain';
import { _, db } from '../shared/cloud';
import type { Query } from '../shared/db-types';
import { CANDIDATE_NOT_FOUND, checked, isTransactionConflict, loadCandidateWithContest, loadContest, sleep } from './store';

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

const MAX_ATTEMPTS = 10;

function votingClosedMessage(window: { start: Date; end: Date }, now: Date): string {
  return now.getTime() < new Date(window.start).getTime() ? '投票尚未开始，敬请期待' : '投票已经结束，感谢您的关注';
}

export async function castVote(contestId: string, candidateId: string, voterId: string, now: Date): Promise<{ remainingToday: number }> {
  const { candidate, contest: joined } = await loadCandidateWithContest(contestId, candidateId);
  // Judged in order: unknown contest, then closed window, then unknown (or unapproved) candidate.
  const contest = joined ?? (await loadContest(contestId));
  ensure(isVotingOpen(contest.vote, now), 'failed-precondition', votingClosedMessage(contest.vote, now));
  ensure(candidate && candidate.status === 'approved', 'not-found', CANDIDATE_NOT_FOUND);
  const rule = { perDay: contest.vote.perDay, perCandidatePerDay: contest.vote.perCandidatePerDay };
  const day = chinaDay(now);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await castOnce({ contestId, candidateId: candidate._id, voterId, day, now, rule });
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('internal', '投票的人太多了，请稍后再试');
      // Jittered backoff so the retries of a burst do not collide again in lockstep.
      await sleep(Math.random() * 15 * attempt);
    }
  }
}

interface CastInput {
  contestId: string;
  candidateId: string;
  voterId: string;
  day: string;
  now: Date;
  rule: { perDay: number; perCandidatePerDay: number };
}

async function castOnce({ contestId, candidateId, voterId, day, now, rule }: CastInput): Promise<{ remainingToday: number }> {
  const t = await db.startTransaction();
  let finished = false;
  try {
    const quotaId = quotaDocId(contestId, voterId, day);
    // where().get() rather than doc().get(): the SDK's doc().get() throws when the document is missing.
    const quotaRes = checked(await t.collection<QuotaDoc>('voteQuotas').where({ _id: quotaId }).get());
    const stored = quotaRes.data[0];
    const usage: QuotaUsage = stored ? { total: stored.total, byCandidate: stored.byCandidate ?? {} } : EMPTY_USAGE;
    const decision = decideVote(rule, usage, candidateId);
    if (!decision.accepted) {
      finished = true;
      await t.rollback().catch(() => undefined); // nothing was written; the refusal does not depend on it
      throw new AppError('resource-exhausted', refusalMessage(decision.reason, rule), { remainingToday: decision.remainingToday });
    }
    const quota: QuotaDoc = { contestId, voterId, day, ...decision.usage, updatedAt: now };
    checked(await t.collection('voteQuotas').doc(quotaId).set({ data: quota }));
    checked(await t.collection('votes').add({ data: { contestId, candidateId, voterId, day, at: now } }));
    const tallyId = tallyDocId(contestId, candidateId, tallyShard(voterId));
    const bumped = checked(await t.collection('voteTallies').doc(tallyId).update({ data: { votes: _.inc(1), updatedAt: now } })) as { updated?: number; stats?: { updated?: number } };
    if ((bumped.updated ?? bumped.stats?.updated ?? 0) === 0) {
      // First vote on this shard: create it. A concurrent creator makes one of the two commits conflict.
      const shard = tallyShard(voterId);
      checked(await t.collection('voteTallies').doc(tallyId).set({ data: { contestId, candidateId, shard, votes: 1, updatedAt: now } }));
    }
    finished = true;
    checked(await t.commit());
    return { remainingToday: decision.remainingToday };
  } catch (err) {
    if (!finished) await t.rollback().catch(() => undefined);
    throw err;
  }
}
