import { ballotBoxId, ballotBoxOf, chinaDay, isVotingOpen, rankCandidates, remainingToday, voteRuleOf, type RankingItem } from '@yanzhen/domain';
import { db } from '../shared/cloud';
import { userKey } from '../shared/user-key';
import { BOXES, readVoterEntry } from './ballot-box';
import { contestRules } from './rules';

/**
 * The popularity ranking: ONE aggregate over the contest's ballot boxes that adds up their tallies per
 * candidate on the server (rows = candidates, whatever the number of boxes or votes), names from the
 * cached rules. Every vote changes a box's tally and log in one write, so the sums equal the records.
 * Cached per instance for RANKING_TTL_MS: a burst of page views costs one read per instance per period.
 */
export const RANKING_TTL_MS = 2_000;

export interface RankingView {
  items: RankingItem[];
  /** When these figures were read. */
  updatedAt: Date;
}

const cache = new Map<string, { loadedAt: number; view: Promise<RankingView> }>();

async function sumsOf(contestId: string): Promise<Map<string, number>> {
  const $ = db.command.aggregate;
  const res = (await db
    .collection(BOXES)
    .aggregate()
    .match({ contestId })
    .project({ _id: 0, tally: $.objectToArray('$tally') })
    .unwind('$tally')
    .group({ _id: '$tally.k', votes: $.sum('$tally.v') })
    // Aggregates answer 20 rows unless told otherwise; one row per candidate.
    .limit(1000)
    .end()) as { list: { _id: string; votes: number }[] };
  return new Map(res.list.map((r) => [r._id, r.votes]));
}

export async function ranking(contestId: string): Promise<RankingView> {
  const { candidates } = await contestRules(contestId);
  let entry = cache.get(contestId);
  if (!entry || performance.now() - entry.loadedAt > RANKING_TTL_MS) {
    const fresh = { loadedAt: performance.now(), view: sumsOf(contestId).then((sums) => ({ items: rankCandidates([...candidates.values()], sums), updatedAt: new Date() })) };
    fresh.view.catch(() => cache.get(contestId) === fresh && cache.delete(contestId));
    cache.set(contestId, fresh);
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
    entry = fresh;
  }
  return entry.view;
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

/** The caller's votes left today: the rules (cached) and one read of their box entry. */
export async function quota(contestId: string, openid: string, now: Date): Promise<QuotaView> {
  const { contest } = await contestRules(contestId);
  const day = chinaDay(now);
  const voter = userKey(openid);
  const { usage } = await readVoterEntry(ballotBoxId(contestId, day, ballotBoxOf(voter)), voter);
  const rule = voteRuleOf(contest);
  const open = isVotingOpen(contest.vote, now);
  return {
    votingOpen: open,
    remainingToday: open ? remainingToday(rule, usage) : 0,
    ...rule,
    votedToday: Object.entries(usage.byCandidate).flatMap(([id, n]) => Array<string>(n).fill(id)),
    day,
  };
}
