/**
 * Helpers for the set-up and judging integration tests: a contest created through `contest.setupSave`,
 * approved contestants and judges written directly (registration and invitations have tests of their own),
 * and judges put on rounds through `setupSave` again, as an admin would. Not bundled into `contest`.
 */
import { DIMENSIONS, type ContestSetupInput, type Envelope } from '@yanzhen/domain';
import type { Db } from '../shared/db-types';
import type { FunctionsClient } from '../test-support/functions-client';
import { userKey } from '../shared/user-key';

export const ADMIN = 'demo-admin';
const DAY = 86_400_000;
const HOUR = 3_600_000;

type SetupEvent = Omit<ContestSetupInput, 'registration' | 'scoring' | 'vote'> & {
  registration: { start: string; end: string };
  scoring: { start: string; end: string };
  vote: { start: string; end: string; perDay: number; perCandidatePerDay: number; weight: number };
};

/** A valid `setupSave` event; scoring open now unless `scoringStartsIn` (ms) says otherwise. */
export function setupEvent(over: Partial<SetupEvent> = {}, scoringStartsIn = -HOUR): SetupEvent {
  const now = Date.now();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  return {
    title: '测试大比武',
    year: 2026,
    theme: '我们的红色幸福家园',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: 100 })),
    rounds: [
      { form: '现场述职', kind: 'scored', judges: [] },
      { form: '实地观摩', kind: 'scored', judges: [] },
    ],
    registration: { start: iso(-20 * DAY), end: iso(scoringStartsIn - HOUR) },
    scoring: { start: iso(scoringStartsIn), end: iso(scoringStartsIn + 5 * DAY) },
    vote: { start: iso(-DAY), end: iso(10 * DAY), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    awards: [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
    ],
    rule: { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] },
    ...over,
  };
}

export function must<T>(env: Envelope<T>, what = 'call'): T {
  if (!env.ok) throw new Error(`${what} failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

export async function createContest(client: FunctionsClient, over: Partial<SetupEvent> = {}, scoringStartsIn?: number): Promise<string> {
  const res = must(await client.call<{ contestId: string }>(ADMIN, 'contest', { action: 'setupSave', ...setupEvent(over, scoringStartsIn) }), 'setupSave');
  return res.contestId;
}

/** Approved contestants `<contest>-c<n>` on the given streets. */
export async function addContestants(db: Db, contestId: string, streets: readonly string[]): Promise<string[]> {
  const ids = streets.map((_, i) => `${contestId}-c${i}`);
  await Promise.all(
    ids.map((id, i) =>
      db.collection('candidates').doc(id).set({
        data: { contestId, secretaryId: `jt-${contestId}-${i}`, name: `选手${i + 1}`, community: `测试社区${i + 1}`, street: streets[i], status: 'approved', createdAt: new Date() },
      }),
    ),
  );
  return ids;
}

/** A judge of the contest (as redeeming an invitation leaves it), optionally a bound secretary of `street`. */
export async function addJudge(db: Db, contestId: string, openid: string, street?: string): Promise<string> {
  const key = userKey(openid);
  await db.collection('users').doc(openid).set({ data: { roles: ['judge'], key, ...(street ? { street, secretaryId: `sec-of-${openid}` } : {}), updatedAt: new Date() } });
  await db.collection('judgeAssignments').doc(`judge-${contestId}-${key}`).set({ data: { contestId, openid, key, createdAt: new Date() } });
  return key;
}

/** The `setupSave` event that saves the contest as `setupGet` shows it, with `over` changed. */
export async function currentEvent(client: FunctionsClient, contestId: string, over: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const got = must(await client.call<{ contest: SetupEvent & { rounds: (SetupEvent['rounds'][number] & { key: string })[] } }>(ADMIN, 'contest', { action: 'setupGet', contestId }), 'setupGet');
  const c = got.contest;
  return {
    action: 'setupSave',
    contestId,
    title: c.title,
    year: c.year,
    theme: c.theme,
    dimensions: c.dimensions,
    rounds: c.rounds.map((r) => ({ key: r.key, form: r.form, kind: r.kind, judges: r.judges, ...(r.quiz ? { quiz: r.quiz } : {}) })),
    registration: c.registration,
    scoring: c.scoring,
    vote: { start: c.vote.start, end: c.vote.end, perDay: c.vote.perDay, perCandidatePerDay: c.vote.perCandidatePerDay, weight: c.vote.weight },
    awards: c.awards,
    rule: c.rule,
    ...over,
  };
}

/** Puts judges (by OpenID) on the contest's rounds through setupSave, keeping everything else as it is. */
export async function assignRounds(client: FunctionsClient, contestId: string, judgesByRound: readonly string[][]): Promise<void> {
  const event = await currentEvent(client, contestId);
  const rounds = (event.rounds as { judges: string[] }[]).map((r, i) => ({ ...r, judges: (judgesByRound[i] ?? []).map(userKey) }));
  must(await client.call(ADMIN, 'contest', { ...event, rounds }), 'setupSave (judges)');
}

/** Ten scores in a dimension order: `base` plus the dimension's index, within the maxima. */
export const scoresFrom = (base: number) => Object.fromEntries(DIMENSIONS.map((d, i) => [d.key, base + i]));
