import { ensure, type CandidateDoc, type ContestDoc } from '@yanzhen/domain';
import { db } from '../shared/cloud';

/**
 * A contest's rules and approved candidates, cached per function instance for RULES_TTL_MS: a vote, a
 * quota or a ranking on a warm instance costs no read for them, so a closed window or an unknown
 * candidate is refused with no database operation at all. The window itself is checked against the
 * clock on every call (by the callers); only a change of the stored contest (an admin closing voting, a
 * newly approved candidate) waits for the cache to expire, so it reaches every instance within
 * RULES_TTL_MS (docs/voting.md). Contest and candidates come back in ONE read ($lookup), so a reload
 * costs one operation whatever changed, and a version check would save nothing.
 */
export const RULES_TTL_MS = 3_000;

export interface ContestRules {
  contest: ContestDoc;
  /** Approved candidates by id, in id order. */
  candidates: Map<string, Pick<CandidateDoc, '_id' | 'name'>>;
}

interface Entry {
  /** `performance.now()` at load: elapsed real time, whatever the wall clock says. */
  loadedAt: number;
  rules: Promise<ContestRules | null>;
}

const cache = new Map<string, Entry>();

async function load(contestId: string): Promise<ContestRules | null> {
  const res = (await db
    .collection('contests')
    .aggregate()
    .match({ _id: contestId })
    .lookup({ from: 'candidates', localField: '_id', foreignField: 'contestId', as: 'candidates' })
    .end()) as { list: (ContestDoc & { candidates: CandidateDoc[] })[] };
  const row = res.list[0];
  if (!row) return null;
  const { candidates, ...contest } = row;
  const approved = candidates.filter((c) => c.status === 'approved').sort((a, b) => a._id.localeCompare(b._id));
  return { contest, candidates: new Map(approved.map((c) => [c._id, { _id: c._id, name: c.name }])) };
}

/** The contest's rules (cached), or `not-found` (找不到该比武活动). */
export async function contestRules(contestId: string): Promise<ContestRules> {
  let entry = cache.get(contestId);
  if (!entry || performance.now() - entry.loadedAt > RULES_TTL_MS) {
    const fresh: Entry = { loadedAt: performance.now(), rules: load(contestId) };
    cache.set(contestId, fresh);
    // A failed read is not cached: the next call tries again.
    fresh.rules.catch(() => cache.get(contestId) === fresh && cache.delete(contestId));
    entry = fresh;
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  }
  const rules = await entry.rules;
  ensure(rules, 'not-found', '找不到该比武活动');
  return rules;
}

/** Forgets a contest on this instance (after this instance changed it). */
export function forgetContestRules(contestId: string): void {
  cache.delete(contestId);
}
