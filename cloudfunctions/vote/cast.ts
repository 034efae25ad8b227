import {
  AppError,
  ballotBoxId,
  ballotBoxOf,
  chinaDay,
  decideVote,
  ensure,
  isVotingOpen,
  refusalMessage,
  voteRuleOf,
  votingClosedMessage,
  type QuotaUsage,
  type VoteRule,
} from '@yanzhen/domain';
import { userKey } from '../shared/user-key';
import { createBoxWith, readVoterEntry, recordInBox } from './ballot-box';
import { contestRules } from './rules';

/**
 * One vote (docs/voting.md). With the contest's rules cached on the instance, it costs:
 *   closed window, unknown candidate:     0 database operations
 *   refused (limit reached):              1 (the voter's entry) — 0 if this instance already saw it
 *   accepted:                             2 (the voter's entry, then one conditional update of the box,
 *                                         or the `add` that creates the box with this first vote)
 *   accepted after losing a race:         3 (the box was created by someone else meanwhile)
 * A race lost to the voter's own parallel vote re-reads and decides again, so every call ends with the
 * vote or the limit message, never with an internal error.
 */
export const CANDIDATE_NOT_FOUND = '找不到该参赛书记';

/** Usage this instance has seen per box and voter. It only grows within a box's day, so it is a safe lower bound for refusing. */
const seenUsage = new Map<string, QuotaUsage>();
const SEEN_LIMIT = 20_000;

function remember(boxId: string, voter: string, usage: QuotaUsage): void {
  const key = `${boxId}|${voter}`;
  seenUsage.delete(key);
  seenUsage.set(key, usage);
  if (seenUsage.size > SEEN_LIMIT) seenUsage.delete(seenUsage.keys().next().value as string);
}

function refuse(decision: { reason: 'daily-limit' | 'candidate-limit'; remainingToday: number }, rule: VoteRule): never {
  throw new AppError('resource-exhausted', refusalMessage(decision.reason, rule), { remainingToday: decision.remainingToday });
}

export async function castVote(contestId: string, candidateId: string, openid: string, now: Date): Promise<{ remainingToday: number }> {
  const { contest, candidates } = await contestRules(contestId);
  // Judged in order: unknown contest, then closed window, then unknown (or unapproved) candidate.
  ensure(isVotingOpen(contest.vote, now), 'failed-precondition', votingClosedMessage(contest.vote, now));
  ensure(candidates.has(candidateId), 'not-found', CANDIDATE_NOT_FOUND);

  const rule = voteRuleOf(contest);
  const voter = userKey(openid);
  const day = chinaDay(now);
  const box = ballotBoxOf(voter);
  const boxId = ballotBoxId(contestId, day, box);
  const record = { voter, candidateId, at: now };

  const seen = seenUsage.get(`${boxId}|${voter}`);
  if (seen) {
    const known = decideVote(rule, seen, candidateId);
    if (!known.accepted) refuse(known, rule);
  }
  // Each lost race means one more of this voter's votes was recorded, so after perDay + 1 rounds the
  // daily limit refuses; the extra rounds cover boxes created concurrently.
  for (let round = 0; round < rule.perDay + 3; round += 1) {
    const entry = await readVoterEntry(boxId, voter);
    remember(boxId, voter, entry.usage);
    const decision = decideVote(rule, entry.usage, candidateId);
    if (!decision.accepted) refuse(decision, rule);
    let recorded = entry.boxExists ? await recordInBox(boxId, record, entry.usage.total) : await createBoxWith(contestId, day, box, record, decision.usage);
    // The box appeared since the read: try the update on the usage just read (still right unless the creator was this voter).
    if (!recorded && !entry.boxExists) recorded = await recordInBox(boxId, record, entry.usage.total);
    if (recorded) {
      remember(boxId, voter, decision.usage);
      return { remainingToday: decision.remainingToday };
    }
  }
  // Unreachable unless the database keeps refusing a consistent update; still a message, not `internal`.
  throw new AppError('resource-exhausted', '投票的人太多了，请稍后再试');
}
