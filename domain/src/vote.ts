import type { VoteRule, VoteWindow } from './contest';

/**
 * Public-voting rules as pure functions: the cloud function `vote` reads the state, asks these, and
 * writes. Kept here so the client can show the same answers (remaining votes, open/closed) and so the
 * rules are unit-tested without a database. The storage design (ballot boxes) is in docs/voting.md.
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

/** Why a vote outside the window is refused, in Chinese. */
export function votingClosedMessage(window: VoteWindowLike, now: Date): string {
  return now.getTime() < new Date(window.start).getTime() ? '投票尚未开始，敬请期待' : '投票已经结束，感谢您的关注';
}

/** The window after an admin closes voting at `now`: it ends now (a window not yet started ends before it starts). */
export function closedWindow<W extends VoteWindowLike>(window: W, now: Date): W {
  const end = new Date(Math.min(new Date(window.end).getTime(), now.getTime()));
  const start = new Date(Math.min(new Date(window.start).getTime(), end.getTime()));
  return { ...window, start, end };
}

/** What one voter has used in one contest on one China-time day (their entry in a ballot box). */
export interface QuotaUsage {
  total: number;
  /** Votes given today, per candidate id. */
  byCandidate: Record<string, number>;
}

export const EMPTY_USAGE: QuotaUsage = { total: 0, byCandidate: {} };

/** The usage held by a stored entry (or none yet today), without its other fields. */
export function usageOf(stored: Partial<QuotaUsage> | null | undefined): QuotaUsage {
  return stored ? { total: stored.total ?? 0, byCandidate: stored.byCandidate ?? {} } : EMPTY_USAGE;
}

/** Just the limits of a contest's vote settings (what the voter is told and what `decideVote` needs). */
export const voteRuleOf = (contest: { vote: Pick<VoteWindow, 'perDay' | 'perCandidatePerDay'> }): VoteRule => ({
  perDay: contest.vote.perDay,
  perCandidatePerDay: contest.vote.perCandidatePerDay,
});

export type RefusalReason = 'daily-limit' | 'candidate-limit';

export type VoteDecision =
  | { accepted: true; usage: QuotaUsage; remainingToday: number }
  | { accepted: false; reason: RefusalReason; remainingToday: number };

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
export function refusalMessage(reason: RefusalReason, rule: VoteRule): string {
  return reason === 'daily-limit'
    ? `今天的${rule.perDay}票已经投完了，明天再来吧`
    : `今天已经为这位书记投过${rule.perCandidatePerDay}票了，请支持其他书记或明天再来`;
}

/**
 * Ballot boxes. A contest's votes of one China-time day live in BALLOT_BOXES_PER_DAY documents; a voter
 * always lands in the same box (a hash of their key), so one box holds everything a vote must check and
 * change: the voter's counters for the day, the box's tally per candidate and the log of its votes. A vote
 * is then one conditional update of one document (docs/voting.md).
 * 128 boxes: at the basic plan's 30 DB operations/s (15 votes/s) no box sees even one write in eight
 * seconds (no hot document), and even at that rate all day long (1.3M votes) a box holds ~3.4k voters at
 * ~370 bytes each, about 1.2 MB of the 16 MB a document may hold. An update rewrites its box, so smaller
 * boxes make every vote cheaper (32 boxes measured 0.17 × echo in bench:vote, 128 boxes 0.24 ×); the
 * ranking stays one aggregate whatever the count. Change the number only between contests: a voter must
 * keep their box for a whole day.
 */
export const BALLOT_BOXES_PER_DAY = 128;

/** The box of a voter (FNV-1a of their key: cheap, stable across processes, well spread). */
export function ballotBoxOf(voterKey: string, boxes = BALLOT_BOXES_PER_DAY): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < voterKey.length; i += 1) {
    hash ^= voterKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % boxes;
}

/** `contest-current:2026-11-29:07`: deterministic, so a box is created at most once (create-if-absent). */
export const ballotBoxId = (contestId: string, day: string, box: number): string => `${contestId}:${day}:${String(box).padStart(3, '0')}`;

/** One accepted vote as kept in its box's log: who (a key, never the OpenID), for whom, when. */
export interface VoteRecord {
  voter: string;
  candidateId: string;
  at: Date;
}

export interface BallotBoxDoc {
  _id: string;
  contestId: string;
  /** China-time day `YYYY-MM-DD`: counters reset when the day (and so the box) changes. */
  day: string;
  box: number;
  /** Per voter key: today's usage. */
  voters: Record<string, QuotaUsage>;
  /** Votes in this box per candidate id. */
  tally: Record<string, number>;
  /** Number of votes in the box (= log length), for paging the export. */
  votes: number;
  log: VoteRecord[];
  createdAt: Date;
}

/**
 * The one conditional update that records an accepted vote, as dotted paths (the function turns them
 * into `_.inc` / `_.push`): it applies only if the voter's total is still the one the decision was made
 * on (`expectedTotal`, 0 = no entry yet), so parallel votes by one voter cannot both pass the limits.
 */
export function voteUpdatePlan(voterKey: string, candidateId: string, expectedTotal: number) {
  const entry = `voters.${voterKey}`;
  return {
    condition: { path: `${entry}.total`, equals: expectedTotal === 0 ? null : expectedTotal },
    increments: [`${entry}.total`, `${entry}.byCandidate.${candidateId}`, `tally.${candidateId}`, 'votes'],
  };
}

/** A new box holding its first vote (what `add` writes when the box does not exist yet). */
export function newBallotBox(contestId: string, day: string, box: number, record: VoteRecord, usage: QuotaUsage): BallotBoxDoc {
  return {
    _id: ballotBoxId(contestId, day, box),
    contestId,
    day,
    box,
    voters: { [record.voter]: usage },
    tally: { [record.candidateId]: 1 },
    votes: 1,
    log: [record],
    createdAt: record.at,
  };
}

export interface RankingItem {
  candidateId: string;
  name: string;
  votes: number;
}

/** Every listed candidate with its summed votes (0 too), most votes first, ties by id. */
export function rankCandidates(candidates: readonly { _id: string; name: string }[], votes: ReadonlyMap<string, number>): RankingItem[] {
  return candidates
    .map((c) => ({ candidateId: c._id, name: c.name, votes: votes.get(c._id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.candidateId.localeCompare(b.candidateId));
}

/** Adds up box tallies per candidate. */
export function sumTallies(tallies: readonly Record<string, number>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const tally of tallies) for (const [id, n] of Object.entries(tally)) sums.set(id, (sums.get(id) ?? 0) + n);
  return sums;
}
