/**
 * `npm run bench:vote`: public voting through the full stack (HTTP → function worker → wx-server-sdk →
 * emulator → SQLite) on a fresh seeded local cloud.
 *   1. accepted votes/s and p50/p99 latency of `vote.cast` at 50 and 200 concurrent voters
 *      (each voter casts its 3 daily votes one after another; all voters at once);
 *   2. database operations per accepted vote, from the emulator's own counters (/api/dev/stats);
 *   3. `vote.ranking` latency with 1k and with 100k stored votes (seeded directly with batch adds),
 *      and the ratio, which stays near 1 because the ranking reads only the shard tallies.
 */
import { TALLY_SHARDS, chinaDay, tallyDocId } from '@yanzhen/domain';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, startLocalCloud } from '../../scripts/local-cloud';
import { connectAdminDb, FunctionsClient, inParallel } from '../test-support/functions-client';

const CONTEST = 'contest-current';
const CANDIDATES = Array.from({ length: 17 }, (_, i) => `cand-sec-${String(i + 1).padStart(2, '0')}`);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function castRound(fns: FunctionsClient, concurrency: number, tag: string) {
  const voters = Array.from({ length: concurrency }, (_, i) => `bench-${tag}-${i}`);
  await inParallel(voters, 50, (v) => fns.token(v));
  const before = await fns.stats();
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    voters.map(async (voter, i) => {
      for (let k = 0; k < 3; k += 1) {
        const t0 = performance.now();
        const r = await fns.call(voter, 'vote', { action: 'cast', contestId: CONTEST, candidateId: CANDIDATES[(i + k * 5) % CANDIDATES.length] });
        latencies.push(performance.now() - t0);
        if (r.ok) accepted += 1;
        else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await fns.stats();
  latencies.sort((a, b) => a - b);
  const byAction: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.database.byAction)) byAction[k] = v - (before.database.byAction[k] ?? 0);
  return {
    concurrency,
    accepted,
    refused,
    votesPerSecond: accepted / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    opsPerVote: (after.database.operations - before.database.operations) / Math.max(1, accepted),
    byAction,
  };
}

/**
 * p50 latency of `ranking` on each contest, sampled interleaved (A, B, A, B, …) after a warm-up, so that
 * machine noise (other processes, JIT, page cache) hits both sizes alike.
 */
async function rankingLatencies(fns: FunctionsClient, contestIds: string[], samples = 60): Promise<number[]> {
  const call = async (contestId: string) => {
    const t0 = performance.now();
    const r = await fns.call('bench-ranking', 'vote', { action: 'ranking', contestId });
    if (!r.ok) throw new Error(`ranking failed: ${r.error.message}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 10; i += 1) for (const id of contestIds) await call(id);
  const times = contestIds.map(() => [] as number[]);
  for (let i = 0; i < samples; i += 1) for (const [k, id] of contestIds.entries()) times[k].push(await call(id));
  return times.map((t) => percentile(t.sort((a, b) => a - b), 50));
}

/** Stores `count` more votes in `contestId` (candidates `<contestId>-cand-sec-NN`) with matching tallies, straight through the admin SDK. */
async function seedVotes(db: ReturnType<typeof connectAdminDb>, contestId: string, from: number, count: number, totals: Map<string, number>) {
  const candidates = CANDIDATES.map((c) => `${contestId}-${c}`);
  const day = chinaDay(new Date());
  const BATCH = 1000;
  const batches = Array.from({ length: Math.ceil(count / BATCH) }, (_, b) => b);
  await inParallel(batches, 4, async (b) => {
    const docs = [];
    for (let i = b * BATCH; i < Math.min(count, (b + 1) * BATCH); i += 1) {
      const n = from + i;
      const candidateId = candidates[n % candidates.length];
      docs.push({ contestId, candidateId, voterId: `seeded-${n}`, day, at: new Date() });
    }
    // An array `data` is one insertDocument request with many documents.
    await db.collection('votes').add({ data: docs as unknown as Record<string, unknown> });
  });
  for (let n = from; n < from + count; n += 1) {
    const c = candidates[n % candidates.length];
    totals.set(c, (totals.get(c) ?? 0) + 1);
  }
  // Tallies as the votes would have left them: the total on shard 0, the other shards present and empty.
  await Promise.all(
    candidates.flatMap((c) =>
      Array.from({ length: TALLY_SHARDS }, (_, shard) =>
        db.collection('voteTallies').doc(tallyDocId(contestId, c, shard)).set({
          data: { contestId, candidateId: c, shard, votes: shard === 0 ? totals.get(c) ?? 0 : 0, updatedAt: new Date() },
        }),
      ),
    ),
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  // Bench what the sources say now (as `npm test` does, YANZHEN_BUILT=1 means "already built").
  if (process.env.YANZHEN_BUILT !== '1') execFileSync(process.execPath, [join(PROJECT_ROOT, 'cloudfunctions', 'build.mjs')], { stdio: 'inherit' });
  const cloud = await startLocalCloud({ seed: true, quiet: true });
  try {
    const fns = new FunctionsClient(cloud.url);
    const db = connectAdminDb(cloud.url);
    // Warm one worker so the first round does not pay the cold start alone.
    await fns.call('bench-warmup', 'vote', { action: 'cast', contestId: CONTEST, candidateId: CANDIDATES[0] });

    const rounds = [];
    for (const c of [50, 200]) rounds.push(await castRound(fns, c, `c${c}`));

    // Two contests of their own for the ranking: one with 1k stored votes, one with 100k.
    const { _id: _ignored, ...current } = (await db.collection('contests').doc(CONTEST).get()).data;
    const SMALL = 'contest-rank-1k';
    const LARGE = 'contest-rank-100k';
    for (const id of [SMALL, LARGE]) {
      await db.collection('contests').doc(id).set({ data: { ...current, title: id } });
      await Promise.all(
        CANDIDATES.map((c, i) =>
          db.collection('candidates').doc(`${id}-${c}`).set({ data: { contestId: id, secretaryId: `sec-rank-${i}`, name: `候选人${i + 1}`, community: '测试社区', street: '大观园', status: 'approved', createdAt: new Date() } }),
        ),
      );
    }
    await seedVotes(db, SMALL, 0, 1_000, new Map());
    const t0 = Date.now();
    await seedVotes(db, LARGE, 0, 100_000, new Map());
    const seedSeconds = (Date.now() - t0) / 1000;
    const [at1k, at100k] = await rankingLatencies(fns, [SMALL, LARGE]);
    const [small, large] = await Promise.all([SMALL, LARGE].map(async (id) => (await db.collection('votes').where({ contestId: id }).count()).total));
    const check = await fns.data<{ items: { votes: number }[] }>('bench-ranking', 'vote', { action: 'ranking', contestId: LARGE });
    const ranked = check.items.reduce((sum, i) => sum + i.votes, 0);
    if (ranked !== large) throw new Error(`ranking sums to ${ranked} but ${large} votes are stored`);

    console.log('\nvote.cast through the full stack (3 votes per voter, all voters at once)');
    console.log('| concurrent voters | accepted | refused | accepted votes/s | p50 ms | p99 ms | DB ops per accepted vote |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rounds) console.log(`| ${r.concurrency} | ${r.accepted} | ${r.refused} | ${fmt(r.votesPerSecond)} | ${fmt(r.p50, 0)} | ${fmt(r.p99, 0)} | ${fmt(r.opsPerVote, 2)} |`);
    console.log('\nDB operations by action at 200 voters, per accepted vote:');
    const last = rounds[rounds.length - 1];
    for (const [k, v] of Object.entries(last.byAction).filter(([, v]) => v > 0)) console.log(`  ${k}: ${fmt(v / last.accepted, 2)}`);
    console.log('\nvote.ranking latency (p50 of 60 calls each, interleaved, after a warm-up)');
    console.log('| stored votes in the contest | p50 ms |');
    console.log('|---:|---:|');
    console.log(`| ${small.toLocaleString('en-US')} | ${fmt(at1k)} |`);
    console.log(`| ${large.toLocaleString('en-US')} | ${fmt(at100k)} |`);
    console.log(`| ratio 100k / 1k | ${fmt(at100k / at1k, 2)} |`);
    console.log(`\n(100k votes seeded in ${fmt(seedSeconds)} s; whole bench ${fmt((Date.now() - started) / 1000)} s)`);
  } finally {
    await cloud.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
