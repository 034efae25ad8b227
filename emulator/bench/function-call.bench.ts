/**
 * `npx tsx emulator/bench/function-call.bench.ts`: what one cloud-function call costs on the local cloud,
 * as a ratio to a bare loopback JSON echo measured in the same run (see yardstick.ts).
 *   - no-op: `POST /api/functions/user` with an unknown action (the function answers at once, no DB);
 *   - user.whoami: the same as a logged-in user (one `users` read through /admin);
 *   - callFunction: `cloud.callFunction` through `/admin` from the SDK outside any function (no DB).
 * The local cloud runs as its own process (build/emulator/main.js, as `npm start`), so the bench client
 * does not share its CPU thread. Env: REQUESTS (default 2000), WARMUP (calls of each kind first, default 2000),
 * CONCURRENCY (default "16,64"),
 * CLOUD_ENV (extra KEY=VALUE,… for the local cloud, e.g. MAX_INSTANCES_PER_FUNCTION=2).
 */
import { startLocalCloud } from '../../scripts/local-cloud';
import { sdkEnvironment } from '../../scripts/sdk-env';
import { FunctionsClient } from '../../cloudfunctions/test-support/functions-client';
import { compareWithEcho, measureCalls, type EchoComparison } from './yardstick';

const REQUESTS = Number(process.env.REQUESTS ?? 2000);
const WARMUP = Number(process.env.WARMUP ?? 2000);
const CONCURRENCY = (process.env.CONCURRENCY ?? '16,64').split(',').map(Number);
const cloudEnv = Object.fromEntries(
  (process.env.CLOUD_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function main(): Promise<void> {
  const cloud = await startLocalCloud({ quiet: true, env: cloudEnv });
  try {
    const fns = new FunctionsClient(cloud.url);
    Object.assign(process.env, sdkEnvironment(`${cloud.url}/admin`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the environment above is set
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk');
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });

    const noop = async () => {
      const r = await fns.call('bench-user', 'user', { action: 'bench-noop' });
      if (r.ok) throw new Error('the no-op action unexpectedly succeeded');
    };
    const whoami = async () => {
      const r = await fns.call('bench-user', 'user', { action: 'whoami' });
      if (!r.ok) throw new Error(`whoami failed: ${r.error.message}`);
    };
    const callFunction = async () => {
      const r = (await sdk.callFunction({ name: 'user', data: { action: 'whoami' } })) as { result?: { ok: boolean } };
      if (!r.result) throw new Error('callFunction answered no result');
    };
    // Warm up as a long-running local cloud would be: instances loaded and their code JIT-compiled. Three V8
    // isolates (main thread + 2 instances) each optimise the SDK and Node's http code; measured here, their
    // background compilation costs ≈ 0.3 ms per call over the first 2500 calls and ≈ 0.04 ms after 5000.
    await fns.token('bench-user');
    for (const call of [whoami, callFunction, noop]) await measureCalls(call, { concurrency: 64, requests: WARMUP, warmup: 0 });

    const rows: { what: string; concurrency: number; r: EchoComparison }[] = [];
    for (const concurrency of CONCURRENCY) {
      for (const [what, call] of [
        ['no-op (HTTP)', noop],
        ['user.whoami (HTTP)', whoami],
        ['callFunction (/admin)', callFunction],
      ] as const) {
        // Echo and call in alternating blocks, so both see the same machine load.
        rows.push({ what, concurrency, r: await compareWithEcho(call, { concurrency, requests: REQUESTS }) });
      }
    }
    const stats = (await fns.stats()) as unknown as { functions: { instances: Record<string, number> } };
    console.log(`\nfunction calls vs a bare loopback echo (${REQUESTS} calls per row, echo and call in alternating blocks)`);
    console.log('| call | in flight | calls/s | echo/s | × echo | p50 ms | p99 ms | echo p50 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const { what, concurrency, r } of rows) {
      console.log(`| ${what} | ${concurrency} | ${fmt(r.call.perSecond, 0)} | ${fmt(r.echo.perSecond, 0)} | ${fmt(r.ratio, 2)} | ${fmt(r.call.p50)} | ${fmt(r.call.p99)} | ${fmt(r.echo.p50)} |`);
    }
    console.log(`\ninstances at the end: ${JSON.stringify(stats.functions.instances)}`);
  } finally {
    await cloud.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
