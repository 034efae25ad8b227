/**
 * `npm run bench:vote`: public voting through the full stack (HTTP → function worker → wx-server-sdk →
 * emulator → SQLite) on a fresh local cloud, every figure printed beside a bare loopback HTTP echo
 * measured in the same run (emulator/bench/yardstick.ts), so that a busy machine does not read as a
 * slow local cloud:
 *   1. a no-op function call (`user.whoami`) calls/s, as a ratio to the echo;
 *   2. accepted votes/s at 64 concurrent voters and p50/p99 latency, as a ratio to the echo;
 *   3. database operations per accepted and per refused vote (the emulator's own counters);
 *   4. database reads per `vote.ranking` call (cached a few seconds per instance) and uncached;
 *   5. the votes/s CloudBase's basic plan (30 DB operations/s) could take = 30 ÷ operations per vote.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { measureCalls, measureEcho } from '../../emulator/bench/yardstick';
import { PROJECT_ROOT, startLocalCloud } from '../../scripts/local-cloud';
import { connectAdminDb, FunctionsClient, inParallel } from '../test-support/functions-client';
import { createContest } from './vote-test-support';

const CONCURRENCY = 64;
const VOTERS = 640;
const BASIC_PLAN_OPS_PER_SECOND = 30;
const CONTEST = 'contest-bench';
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function opsDuring(fns: FunctionsClient, run: () => Promise<void>): Promise<{ total: number; byAction: Record<string, number> }> {
  const before = (await fns.stats()).database;
  await run();
  const after = (await fns.stats()).database;
  const byAction: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.byAction)) if (v - (before.byAction[k] ?? 0) > 0) byAction[k] = v - (before.byAction[k] ?? 0);
  return { total: after.operations - before.operations, byAction };
}

const WARMUP_CALLS = 3000;

/** Votes by voters of their own (never measured) until the vote path is warm in every instance. */
async function warmVotes(fns: FunctionsClient, candidates: string[]): Promise<void> {
  const warmVoters = Array.from({ length: WARMUP_CALLS / 3 }, (_, i) => `bench-warm-voter-${i}`);
  await inParallel(warmVoters, 32, (v) => fns.token(v));
  let k = 0;
  await measureCalls(() => {
    const i = k++;
    return fns.call(warmVoters[i % warmVoters.length], 'vote', { action: 'cast', contestId: CONTEST, candidateId: candidates[(i % warmVoters.length + Math.floor(i / warmVoters.length) * 5) % candidates.length] });
  }, { concurrency: CONCURRENCY, requests: WARMUP_CALLS, warmup: 0 });
}

async function main(): Promise<void> {
  const started = Date.now();
  // Bench what the sources say now (as `npm test` does, YANZHEN_BUILT=1 means "already built").
  if (process.env.YANZHEN_BUILT !== '1') execFileSync(process.execPath, [join(PROJECT_ROOT, 'cloudfunctions', 'build.mjs')], { stdio: 'inherit' });
  const cloud = await startLocalCloud({ quiet: true });
  try {
    const fns = new FunctionsClient(cloud.url);
    const db = connectAdminDb(cloud.url);
    const candidates = await createContest(db, CONTEST, { candidates: 17 });
    const voters = Array.from({ length: VOTERS }, (_, i) => `bench-voter-${i}`);
    await inParallel(voters, 32, (v) => fns.token(v));
    // Warm every instance of both functions (cold starts are not what is measured).
    await Promise.all(Array.from({ length: 16 }, (_, i) => fns.call(`bench-warm-${i}`, 'vote', { action: 'quota', contestId: CONTEST })));

    const echo = await measureEcho({ concurrency: CONCURRENCY, requests: 3000 });
    // Function instances live long on CloudBase: measure them warm (V8 needs a few thousand calls to optimise
    // the SDK's request path in each isolate), not their first calls.
    const noop = await measureCalls(() => fns.call('bench-noop', 'user', { action: 'whoami' }), { concurrency: CONCURRENCY, requests: 3000, warmup: WARMUP_CALLS });
    await warmVotes(fns, candidates);

    // Accepted votes: call k is voter k mod VOTERS voting for their (k div VOTERS)-th candidate, so one
    // voter's three votes are VOTERS calls apart and never race each other (that is measured in the tests).
    let k = 0;
    let accepted = 0;
    let acceptedRun = { perSecond: 0, p50: 0, p99: 0 };
    const acceptedOps = await opsDuring(fns, async () => {
      acceptedRun = await measureCalls(
        async () => {
          const i = k++;
          const r = await fns.call(voters[i % VOTERS], 'vote', { action: 'cast', contestId: CONTEST, candidateId: candidates[(i % VOTERS + Math.floor(i / VOTERS) * 5) % candidates.length] });
          if (r.ok) accepted += 1;
        },
        { concurrency: CONCURRENCY, requests: VOTERS * 3, warmup: 0 },
      );
    });
    if (accepted !== VOTERS * 3) throw new Error(`expected every vote accepted, got ${accepted} of ${VOTERS * 3}`);

    // Refused votes: every voter's fourth vote of the day.
    let refused = 0;
    const refusedOps = await opsDuring(fns, async () => {
      await inParallel(voters, CONCURRENCY, async (v, i) => {
        const r = await fns.call(v, 'vote', { action: 'cast', contestId: CONTEST, candidateId: candidates[(i + 1) % candidates.length] });
        if (!r.ok && r.error.code === 'resource-exhausted') refused += 1;
      });
    });
    if (refused !== VOTERS) throw new Error(`expected ${VOTERS} refusals, got ${refused}`);

    // Ranking: what residents opening the page cost (cached per instance), and one uncached read.
    const RANKING_CALLS = 400;
    const rankingOps = await opsDuring(fns, async () => {
      await inParallel(Array.from({ length: RANKING_CALLS }), 16, () => fns.data('bench-viewer', 'vote', { action: 'ranking', contestId: CONTEST }));
    });
    await new Promise((r) => setTimeout(r, 3_200)); // every cache (rules 3 s, ranking 2 s) expired
    const coldRankingOps = await opsDuring(fns, async () => {
      await fns.data('bench-viewer', 'vote', { action: 'ranking', contestId: CONTEST });
    });

    const opsPerAccepted = acceptedOps.total / accepted;
    const opsPerRefused = refusedOps.total / refused;
    const ratio = (x: number) => `${fmt(x / echo.perSecond, 2)} × echo`;
    console.log('\nbench:vote (2 figures per line: measured, and as a ratio to the bare loopback echo of this run)');
    console.log('| what | measured | ratio |');
    console.log('|---|---:|---:|');
    console.log(`| bare loopback HTTP echo, ${CONCURRENCY} in flight | ${fmt(echo.perSecond, 0)} calls/s (p99 ${fmt(echo.p99)} ms) | 1.00 × echo |`);
    console.log(`| no-op function call (user.whoami), ${CONCURRENCY} in flight | ${fmt(noop.perSecond, 0)} calls/s (p99 ${fmt(noop.p99)} ms) | ${ratio(noop.perSecond)} |`);
    console.log(`| accepted votes/s, ${CONCURRENCY} concurrent voters | ${fmt(acceptedRun.perSecond, 0)} votes/s | ${ratio(acceptedRun.perSecond)} |`);
    console.log(`| vote.cast latency p50 / p99 | ${fmt(acceptedRun.p50)} / ${fmt(acceptedRun.p99)} ms | |`);
    console.log(`| DB operations per accepted vote | ${fmt(opsPerAccepted, 2)} | |`);
    console.log(`| DB operations per refused vote (limit reached) | ${fmt(opsPerRefused, 2)} | |`);
    console.log(`| DB operations per vote.ranking call (${RANKING_CALLS} calls, cached per instance) | ${fmt(rankingOps.total / RANKING_CALLS, 3)} | |`);
    console.log(`| DB operations per vote.ranking call, caches cold (ranking read + rules read) | ${coldRankingOps.total} | |`);
    console.log(`| votes/s the basic plan could take (30 ÷ ops per accepted vote) | ${fmt(BASIC_PLAN_OPS_PER_SECOND / opsPerAccepted)} | |`);
    console.log(`| refused votes/s the basic plan could take (30 ÷ ops per refused vote) | ${opsPerRefused > 0 ? fmt(BASIC_PLAN_OPS_PER_SECOND / opsPerRefused) : 'unbounded'} | |`);
    console.log('\nDB operations by kind, per accepted vote:', Object.fromEntries(Object.entries(acceptedOps.byAction).map(([a, v]) => [a, +(v / accepted).toFixed(3)])));
    console.log('DB operations by kind, per refused vote:', Object.fromEntries(Object.entries(refusedOps.byAction).map(([a, v]) => [a, +(v / refused).toFixed(3)])));
    console.log(`\n(${accepted} accepted and ${refused} refused votes; whole bench ${fmt((Date.now() - started) / 1000)} s)`);
  } finally {
    await cloud.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
