import type { VoteRule, VoteWindow } from './contest';

/**
 * Public-voting rules as pure functions: the cloud function `vote` reads the state, asks these, and
 * writes. Kept here so the client can show the same answers (remaining votes, open/closed) and so the
 * rules are unit-tested without a database.
 */

export interface VoteWindowLike {
  /** A Date, or its ISO text once it has travelled through JSON (the client's copy). */
  start: Date | string;
  end: Date | string;
}

/** Voting is open from `start` (inclusive) until `end` (exclusive). */
export function isVotingOpen(window: VoteWindowLike, now: Date): boolean {
  const t = now.getTime();
  return t >= new Date(window.start).getTime() && t < new Date(window.end).getTime();
}

/** What one voter has used in one contest on one China-time day (the `voteQuotas` document's counters). */
export interface QuotaUsage {
  total: number;
  /** Votes given today, per candidate id. */
  byCandidate: Record<string, number>;
}

export const EMPTY_USAGE: QuotaUsage = { total: 0, byCandidate: {} };

/** The usage held by a stored quota document (or none yet today), without its other fields. */
export function usageOf(stored: Partial<QuotaUsage> | null | undefined): QuotaUsage {
  return stored ? { total: stored.total ?? 0, byCandidate: stored.byCandidate ?? {} } : EMPTY_USAGE;
}

/** Just the limits of a contest's vote settings (what the voter is told and what `decideVote` needs). */
export const voteRuleOf = (contest: { vote: Pick<VoteWindow, 'perDay' | 'perCandidatePerDay'> }): VoteRule => ({
  perDay: contest.vote.perDay,
  perCandidatePerDay: contest.vote.perCandidatePerDay,
});

export type VoteDecision =
  | { accepted: true; usage: QuotaUsage; remainingToday: number }
  | { accepted: false; reason: 'daily-limit' | 'candidate-limit'; remainingToday: number };

export function remainingToday(rule: VoteRule, usage: QuotaUsage): number {
  return Math.max(0, rule.perDay - usage.total);
}

/** Decides one more vote for `candidateId` against today's usage; on acceptance, returns the new usage. */
export function decideVote(rule: VoteRule, usage: QuotaUsage, candidateId: string): VoteDecision {
  const remaining = remainingToday(rule, usage);
  if (remaining <= 0) return { accepted: false, reason: 'daily-limit', remainingToday: 0 };
  const forCandidate = usage.byCandidate[candidateId] ?? 0;
  if (forCandidate >= rule.perCandidatePerDay) return { accepted: false, reason: 'candidate-limit', remainingToday: remaining };
  const next: QuotaUsage = {
    total: usage.total + 1,
    byCandidate: { ...usage.byCandidate, [candidateId]: forCandidate + 1 },
  };
  return { accepted: true, usage: next, remainingToday: remaining - 1 };
}

/** The refusal the voter reads, in Chinese. */
export function refusalMessage(reason: 'daily-limit' | 'candidate-limit', rule: VoteRule): string {
  return reason === 'daily-limit'
    ? `今天的${rule.perDay}票已经投完了，明天再来吧`
    : `今天已经为这位书记投过${rule.perCandidatePerDay}票了，请支持其他书记或明天再来`;
}

/**
 * Tallies are sharded so that parallel votes for one candidate do not all update one hot document
 * (CloudBase times out under parallel updates to one document). A voter always lands on the same shard,
 * spreading voters evenly; the ranking sums the shards.
 */
export const TALLY_SHARDS = 8;

export function tallyShard(voterId: string, shards = TALLY_SHARDS): number {
  // FNV-1a: cheap, stable across processes, well spread over short strings such as OpenIDs.
  let hash = 0x811c9dc5;
  for (let i = 0; i < voterId.length; i += 1) {
    hash ^= voterId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export const quotaDocId = (contestId: string, voterId: string, day: string): string => `${contestId}:${voterId}:${day}`;
export const tallyDocId = (contestId: string, candidateId: string, shard: number): string => `${contestId}:${candidateId}:${shard}`;

export interface RankingItem {
  candidateId: string;
  name: string;
  votes: number;
}

/** Sums shard tallies per candidate; every listed candidate appears (0 votes too), most votes first. */
export function rankCandidates(
  candidates: readonly { _id: string; name: string }[],
  tallies: readonly { candidateId: string; votes: number }[],
): RankingItem[] {
  const sums = new Map<string, number>();
  for (const t of tallies) sums.set(t.candidateId, (sums.get(t.candidateId) ?? 0) + t.votes);
  return candidates
    .map((c) => ({ candidateId: c._id, name: c.name, votes: sums.get(c._id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.candidateId.localeCompare(b.candidateId));
}
