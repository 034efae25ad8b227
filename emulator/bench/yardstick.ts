/**
 * The yardstick for local-cloud benches: what a bare loopback HTTP round trip costs on this machine, in
 * this run. Benches print their figures as ratios to it, so that a slow or busy machine does not read as a
 * slow local cloud (and a fast one does not hide a regression).
 *
 * The echo is driven exactly like `cloudfunctions/test-support/functions-client.ts` drives function calls:
 * Node's global `fetch` (undici, keep-alive on its default global dispatcher), a JSON POST with
 * `content-type: application/json`, the response body parsed with `res.json()`, and bodies of the size of
 * a small function call and its `{ result: envelope }` answer. The echo server is its own process, as
 * the local cloud is in the benches (scripts/local-cloud.ts), so neither side gets the client's CPU for free.
 */
import { spawn } from 'node:child_process';

export interface Throughput {
  /** Completed calls per second over the measured calls (warm-up excluded). */
  perSecond: number;
  /** Median latency of one call, in milliseconds. */
  p50: number;
  /** 99th percentile latency of one call, in milliseconds. */
  p99: number;
}

export interface LoadShape {
  /** Calls in flight at any time. */
  concurrency: number;
  /** Calls measured in total. */
  requests: number;
  /** Calls made before measuring, to warm up JIT, sockets and workers (default: 2 × concurrency). */
  warmup?: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `total` calls with `concurrency` in flight; pushes each latency (ms) to `latencies` when given. */
async function drive(call: () => Promise<unknown>, concurrency: number, total: number, latencies: number[] | null): Promise<number> {
  let started = 0;
  const t0 = performance.now();
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, total)) }, async () => {
    while (started < total) {
      started += 1;
      const t = performance.now();
      await call();
      latencies?.push(performance.now() - t);
    }
  });
  await Promise.all(lanes);
  return (performance.now() - t0) / 1000;
}

function summary(requests: number, seconds: number, latencies: number[]): Throughput {
  latencies.sort((a, b) => a - b);
  return { perSecond: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Runs `call` `requests` times with `concurrency` in flight and reports throughput and latency. */
export async function measureCalls(call: () => Promise<unknown>, opts: LoadShape): Promise<Throughput> {
  const { concurrency, requests } = opts;
  const warmup = opts.warmup ?? concurrency * 2;
  if (warmup > 0) await drive(call, concurrency, warmup, null);
  const latencies: number[] = [];
  const seconds = await drive(call, concurrency, requests, latencies);
  return summary(requests, seconds, latencies);
}

/** A function call's request body and its answer, in size and shape (`user.whoami` and its envelope). */
const CALL_BODY = JSON.stringify({ action: 'whoami' });
const ANSWER = JSON.stringify({ result: { ok: true, data: { openid: 'o-bench-0000000000000000000000', roles: ['resident'], secretaryId: null, judgeOf: [] } } });

/**
 * The echo server, run as its own Node process like the local cloud (build/emulator/main.js) is, so that
 * it does not share the bench client's thread: it reads and parses each POST body (a JSON round trip,
 * as the local cloud's HTTP entry does) and answers the function-sized answer.
 */
const ECHO_SERVER = `
const http = require('node:http');
const ANSWER = ${JSON.stringify(ANSWER)};
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const out = body.action === 'whoami' ? ANSWER : JSON.stringify({ result: body });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});
server.keepAliveTimeout = 65000;
server.listen(0, '127.0.0.1', () => console.log('echo listening on ' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

/** Starts the echo server on 127.0.0.1 (ephemeral port) in a child process. */
async function startEcho(): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', ECHO_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = /echo listening on (\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`echo server exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One echo call, shaped like FunctionsClient.call. */
function echoCaller(url: string): () => Promise<void> {
  return async () => {
    const res = await fetch(`${url}/api/functions/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer 0123456789abcdef0123456789abcdef' },
      body: CALL_BODY,
    });
    const body = (await res.json()) as { result?: unknown };
    if (!body.result) throw new Error(`echo answered HTTP ${res.status}`);
  };
}

/** Calls/s and latency of a bare loopback JSON echo, driven like FunctionsClient drives function calls. */
export async function measureEcho(opts: LoadShape): Promise<Throughput> {
  const echo = await startEcho();
  try {
    return await measureCalls(echoCaller(echo.url), opts);
  } finally {
    await echo.close();
  }
}

/** A call and the echo, measured in alternating blocks, and the call's throughput as a ratio to the echo's. */
export interface EchoComparison {
  call: Throughput;
  echo: Throughput;
  ratio: number;
}

/**
 * Measures `call` and the echo in `blocks` alternating blocks (echo, call, echo, call, …) of
 * `requests / blocks` each, so that a machine whose load changes during the run (other processes, a build)
 * weighs on both alike; a single echo row before a single call row can differ by 3× on a shared machine.
 */
export async function compareWithEcho(call: () => Promise<unknown>, opts: LoadShape & { blocks?: number }): Promise<EchoComparison> {
  const { concurrency, requests } = opts;
  const blocks = Math.max(1, opts.blocks ?? 5);
  const perBlock = Math.max(1, Math.floor(requests / blocks));
  const echo = await startEcho();
  try {
    const echoCall = echoCaller(echo.url);
    const warmup = opts.warmup ?? concurrency * 2;
    if (warmup > 0) {
      await drive(echoCall, concurrency, warmup, null);
      await drive(call, concurrency, warmup, null);
    }
    const echoLatencies: number[] = [];
    const callLatencies: number[] = [];
    let echoSeconds = 0;
    let callSeconds = 0;
    for (let b = 0; b < blocks; b += 1) {
      echoSeconds += await drive(echoCall, concurrency, perBlock, echoLatencies);
      callSeconds += await drive(call, concurrency, perBlock, callLatencies);
    }
    const result = { call: summary(perBlock * blocks, callSeconds, callLatencies), echo: summary(perBlock * blocks, echoSeconds, echoLatencies) };
    return { ...result, ratio: result.call.perSecond / result.echo.perSecond };
  } finally {
    await echo.close();
  }
}
