/**
 * Helpers for the contest integration tests (registration, review, and the lifecycle tests of the other contest
 * areas): a contest of the test's own with registration open, secretaries bound to test OpenIDs, and
 * `registerAndApprove` — registrations through the real functions, approved by an admin in one bulk review.
 * Not bundled into `contest` (build.mjs bundles only index.ts and what it imports).
 */
import type { ContestDoc, Envelope } from '@yanzhen/domain';
import type { Db } from '../shared/db-types';
import type { FunctionsClient } from '../test-support/functions-client';

const DAY = 86_400_000;
export const TEST_ADMIN = 'demo-admin';

/** The seeded archive records sec-01 … sec-17 (scripts/seed/people.ts). */
export const SEEDED_SECRETARIES = Array.from({ length: 17 }, (_, i) => `sec-${String(i + 1).padStart(2, '0')}`);

/** The OpenID a test uses for a secretary; `sec-01` is demo-secretary in the demo data. */
export const secretaryOpenid = (secretaryId: string): string => (secretaryId === 'sec-01' ? 'demo-secretary' : `wx-reg-${secretaryId}`);

/**
 * A contest whose registration window is open now (unless `registration` says otherwise), with the six
 * dimensions and nothing else set up; public voting after registration.
 */
export async function createRegistrationContest(
  db: Db,
  id: string,
  opts: { registration?: { start: Date; end: Date }; title?: string; extra?: Partial<ContestDoc> } = {},
): Promise<void> {
  const now = Date.now();
  const contest: Omit<ContestDoc, '_id'> = {
    title: opts.title ?? `测试比武 ${id}`,
    year: 2026,
    theme: '我们的红色幸福家园',
    status: 'registration',
    dimensions: [],
    forms: [],
    vote: { start: new Date(now + 20 * DAY), end: new Date(now + 30 * DAY), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    scoringRule: '去掉一个最高分和一个最低分后取平均分',
    awards: [],
    createdAt: new Date(),
    registration: opts.registration ?? { start: new Date(now - DAY), end: new Date(now + 10 * DAY) },
    ...opts.extra,
  };
  await db.collection('contests').doc(id).set({ data: contest });
}

/** Binds `openid` to the archive record `secretaryId` (as redeeming a binding code would). */
export async function bindSecretary(db: Db, openid: string, secretaryId: string): Promise<void> {
  const sec = await db.collection('secretaries').doc(secretaryId).get();
  const street = (sec.data as { street?: string } | null)?.street ?? '';
  await db.collection('users').doc(openid).set({ data: { roles: ['secretary'], secretaryId, street, updatedAt: new Date() } });
}

export const materialsOf = (secretaryId: string) => ({
  summary: `${secretaryId} 的述职：三年来带领社区党组织抓班子、强阵地，推动网格化治理落到每一栋楼。`,
  projectTitle: '红色物业进小区',
  projectDescription: '党组织牵头成立物业服务联盟，小区问题 48 小时内回应。',
  photoFileIds: [] as string[],
});

function must<T>(env: Envelope<T>, what: string): T {
  if (!env.ok) throw new Error(`${what} failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

/**
 * Each secretary (bound to `secretaryOpenid(id)` unless already bound) registers for `contestId` through
 * `contest.register`; the admin approves them all with one `contest.reviewRegistrations`. Answers the
 * candidate ids, in the order of `secretaryIds`.
 */
export async function registerAndApprove(client: FunctionsClient, db: Db, contestId: string, secretaryIds: readonly string[], admin = TEST_ADMIN): Promise<string[]> {
  const ids: string[] = [];
  for (const secretaryId of secretaryIds) {
    const openid = secretaryOpenid(secretaryId);
    if (openid !== 'demo-secretary') await bindSecretary(db, openid, secretaryId);
    const reg = must(await client.call<{ _id: string }>(openid, 'contest', { action: 'register', contestId, ...materialsOf(secretaryId) }), `register ${secretaryId}`);
    ids.push(reg._id);
  }
  const review = must(
    await client.call<{ done: string[]; skipped: unknown[] }>(admin, 'contest', { action: 'reviewRegistrations', contestId, candidateIds: ids, decision: 'approve' }),
    'reviewRegistrations',
  );
  if (review.skipped.length) throw new Error(`approval skipped: ${JSON.stringify(review.skipped)}`);
  return ids;
}

/** The subscribe messages the local cloud's functions have sent to `touser` (`GET /api/dev/outbox`). */
export async function outboxOf(url: string, touser: string): Promise<{ templateId: string; page?: string; data: Record<string, { value: string }> }[]> {
  return (await fetch(`${url}/api/dev/outbox?touser=${encodeURIComponent(touser)}`)).json() as Promise<{ templateId: string; page?: string; data: Record<string, { value: string }> }[]>;
}
