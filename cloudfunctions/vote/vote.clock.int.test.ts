import { chinaDay, nextChinaMidnight } from '@yanzhen/domain';
import { userKey } from '../shared/user-key';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { countByCandidate, createContest, storedVotes } from './vote-test-support';

/**
 * The China-time day boundary in the middle of a burst. The functions read the time as in production
 * (`new Date()`); the local cloud runs them on a fake clock (YANZHEN_FAKE_CLOCK=1, emulator
 * functions/fake-clock.ts) that the test sets a few seconds before the next 00:00 China time.
 */
jest.setTimeout(90_000);

const CONTEST = 'contest-midnight';
// Wide enough that every voter gets its three votes in before midnight even on a busy machine.
const BEFORE_MS = 8_000;
const AFTER_MS = 4_000;
let h: FunctionHarness;
let candidates: string[];

beforeAll(async () => {
  h = await startFunctionHarness({ seed: false, env: { YANZHEN_FAKE_CLOCK: '1' } });
  candidates = await createContest(h.db, CONTEST, { candidates: 6 });
}, 60_000);
afterAll(() => h?.stop());

async function setFunctionsClock(offsetMs: number): Promise<void> {
  const res = await fetch(`${h.cloud.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
  expect(res.status).toBe(200);
}

it('counts votes before 00:00 China time against one day and after it against the next', async () => {
  const voters = Array.from({ length: 16 }, (_, i) => `midnight-${i}`);
  // Warm instances and logins, so the burst is votes only.
  await Promise.all(voters.map((v) => h.client.data(v, 'vote', { action: 'quota', contestId: CONTEST })));
  const midnight = nextChinaMidnight(new Date()).getTime();
  const offset = midnight - BEFORE_MS - Date.now();
  await setFunctionsClock(offset);
  const fakeNow = () => Date.now() + offset;

  const outcomes: { voter: string; candidateId: string; ok: boolean; code?: string }[] = [];
  await Promise.all(
    voters.map(async (voter, i) => {
      for (let k = 0; fakeNow() < midnight + AFTER_MS; k += 1) {
        const candidateId = candidates[(i + k) % candidates.length];
        const r = await h.client.call(voter, 'vote', { action: 'cast', contestId: CONTEST, candidateId });
        outcomes.push({ voter, candidateId, ok: r.ok, code: r.ok ? undefined : r.error.code });
      }
    }),
  );
  await setFunctionsClock(0);

  // Refusals are the limits only.
  expect(outcomes.filter((o) => !o.ok && o.code !== 'resource-exhausted')).toEqual([]);
  const records = await storedVotes(h.db, CONTEST);
  expect(records).toHaveLength(outcomes.filter((o) => o.ok).length);
  const [dayBefore, dayAfter] = [chinaDay(new Date(midnight - 1)), chinaDay(new Date(midnight))];
  // Each record sits in the box of its own China day, stamped with the functions' (fake) time.
  for (const r of records) expect(r.day).toBe(chinaDay(r.at));
  expect(new Set(records.map((r) => r.day))).toEqual(new Set([dayBefore, dayAfter]));
  // Per voter and day: at most 3 votes, at most 1 per candidate; and the limit reset at midnight.
  let resetSeen = 0;
  for (const voter of voters) {
    const mine = records.filter((r) => r.voter === userKey(voter));
    for (const day of [dayBefore, dayAfter]) {
      const onDay = mine.filter((r) => r.day === day);
      expect(onDay.length).toBeLessThanOrEqual(3);
      expect(new Set(onDay.map((r) => r.candidateId)).size).toBe(onDay.length);
    }
    if (mine.filter((r) => r.day === dayBefore).length === 3 && mine.some((r) => r.day === dayAfter)) resetSeen += 1;
  }
  expect(resetSeen).toBeGreaterThan(0);
  // The ranking covers both days' boxes and equals the records.
  await new Promise((r) => setTimeout(r, 2_200));
  const ranking = await h.client.data<{ items: { candidateId: string; votes: number }[] }>('ranking-viewer', 'vote', { action: 'ranking', contestId: CONTEST });
  const counted = countByCandidate(records);
  expect(Object.fromEntries(ranking.items.map((i) => [i.candidateId, i.votes]))).toEqual(Object.fromEntries(candidates.map((c) => [c, counted[c] ?? 0])));
});
