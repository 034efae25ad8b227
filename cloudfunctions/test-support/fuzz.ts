import fc from 'fast-check';
import { allows, DEMO_IDENTITIES, isEnvelope, type Role } from '@yanzhen/domain';
import { randomFrom } from '../../scripts/random';
import { allActions, COLLECTIONS, type FoundAction } from './action-maps';
import { payloadsFor, type Payload, type PayloadKind } from './fuzz-payloads';
import type { FuzzReport, Problem } from './fuzz-report';
import { snapshot, type FunctionHarness } from './local-cloud';

/**
 * The cloud-function fuzzer shared by `npm run fuzz` (10,000 payloads per action) and the integration
 * test (a few hundred). Every action gets generated payloads (fuzz-payloads.ts) from its own callers and
 * from callers it does not allow, over HTTP as the H5 preview calls. It checks what a caller would notice:
 * - every answer is an envelope, and none is `internal` (an unexpected exception in the function);
 * - no worker crashes: no invocation answers FUNCTIONS_EXECUTE_FAIL or a timeout (a thrown error, an
 *   instance that exited or died), the emulator logs no crash, and its own crash count, when
 *   `/api/dev/stats` exposes `functions.crashes`, stays put (the pool replaces lost instances silently);
 * - a caller the action does not allow gets `permission-denied`, a payload the schema refuses
 *   `invalid-argument`, and all of those, plus everything sent to public actions (anonymous reads by
 *   design), leave the database exactly as it was ("quiet" phase, one snapshot before and after);
 * - payloads the schema accepts, from allowed callers of non-public actions, may write (an admin's
 *   valid call legitimately does): they run afterwards ("writes" phase, capped per action) and only
 *   the envelope, crash and `internal` checks apply; the collections they changed are listed.
 */
export interface FuzzOptions {
  /** Payloads per action in total, both phases together. */
  runsPerAction: number;
  /** Accepted payloads per non-public action in the writes phase (beyond it they are not sent). */
  writeCap?: number;
  concurrency?: number;
  seed?: number;
  onProgress?(done: number, total: number): void;
}

interface Job {
  fn: string;
  action: string;
  openid: string;
  payload: Payload;
  kind: PayloadKind | 'forbidden';
  /** `null`: any code but `internal`. */
  expect: string | null;
  phase: 'quiet' | 'writes';
}

/** Lines the emulator logs when an instance dies, hangs or cannot load (an `internal` answer is counted as a wrong code). */
const CRASH_LOG = /instance crashed|instance exited|did not load|did not start|timed out|unhandled rejection|failed to load/i;
const SAMPLE_LIMIT = 10;


/** Each demo identity's roles, as the functions see them (`user.whoami`). */
async function identityRoles(h: FunctionHarness): Promise<{ openid: string; roles: Role[] }[]> {
  return Promise.all(
    DEMO_IDENTITIES.map(async ({ openid }) => ({ openid, roles: (await h.client.data<{ roles: Role[] }>(openid, 'user', { action: 'whoami' })).roles })),
  );
}

/**
 * The jobs of one action, generated lazily (10,000 payloads × every action would hold a lot of memory):
 * `runs` payloads, each classified by the schema after a JSON round trip. Schema-accepted payloads from
 * allowed callers of non-public actions go to `writes` (up to the cap) instead of being yielded.
 */
function* jobsFor(a: FoundAction, identities: { openid: string; roles: Role[] }[], opts: Required<Pick<FuzzOptions, 'runsPerAction' | 'writeCap' | 'seed'>>, writes: Job[]): Generator<Job> {
  const allowed = identities.filter((i) => allows(a.def.access, i.roles));
  const forbidden = identities.filter((i) => !allows(a.def.access, i.roles));
  if (allowed.length === 0) throw new Error(`${a.fn}.${a.name}: no demo identity may call it`);
  const pick = randomFrom(opts.seed ^ hash(`${a.fn}.${a.name}`));
  const arb = payloadsFor(a.def.input);
  let made = 0;
  let accepted = 0;
  for (let batch = 0; made < opts.runsPerAction; batch++) {
    if (batch > 20 + opts.runsPerAction / 100) throw new Error(`${a.fn}.${a.name}: could not generate ${opts.runsPerAction} payloads`);
    const size = Math.min(500, opts.runsPerAction - made + 20);
    for (const { kind, payload: raw } of fc.sample(arb, { numRuns: size, seed: (opts.seed + batch * 7919 + hash(a.name)) | 0 })) {
      if (made >= opts.runsPerAction) break;
      const payload = JSON.parse(JSON.stringify(raw)) as Payload;
      const base = { fn: a.fn, action: a.name, payload };
      // About one call in eight comes from a caller the action does not allow (when there is one).
      if (forbidden.length > 0 && pick() < 0.125) {
        made++;
        yield { ...base, openid: forbidden[Math.floor(pick() * forbidden.length)].openid, kind: 'forbidden', expect: 'permission-denied', phase: 'quiet' };
        continue;
      }
      const openid = allowed[Math.floor(pick() * allowed.length)].openid;
      if (!a.def.input.safeParse(payload).success) {
        made++;
        yield { ...base, openid, kind, expect: 'invalid-argument', phase: 'quiet' };
      } else if (a.def.access === 'public') {
        made++;
        yield { ...base, openid, kind, expect: null, phase: 'quiet' };
      } else if (accepted < opts.writeCap) {
        made++;
        accepted++;
        writes.push({ ...base, openid, kind, expect: null, phase: 'writes' });
      }
    }
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Interleaves the actions' jobs so that every function's instances are busy at once. */
function* interleave(sources: Iterator<Job>[]): Generator<Job> {
  let live = sources;
  while (live.length > 0) {
    const next: Iterator<Job>[] = [];
    for (const source of live) {
      const item = source.next();
      if (item.done) continue;
      next.push(source);
      yield item.value;
    }
    live = next;
  }
}

/** Runs `task` over what `jobs` yields with at most `limit` in flight. */
async function drain(jobs: Iterator<Job>, limit: number, task: (job: Job) => Promise<void>): Promise<void> {
  const lane = async () => {
    for (let item = jobs.next(); !item.done; item = jobs.next()) await task(item.value);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

const clip = (v: unknown, n = 300) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > n ? `${text.slice(0, n)}…` : text;
};

/** What changed between two snapshots, per collection: "audit +3 ~1 -0" (added, changed, removed documents). */
function changes(before: Record<string, unknown[]>, after: Record<string, unknown[]>): { documents: number; collections: string[] } {
  let documents = 0;
  const collections: string[] = [];
  for (const name of Object.keys(after)) {
    const old = new Map((before[name] ?? []).map((d) => [(d as { _id: string })._id, JSON.stringify(d)]));
    let added = 0;
    let changed = 0;
    for (const doc of after[name]) {
      const was = old.get((doc as { _id: string })._id);
      if (was === undefined) added++;
      else if (was !== JSON.stringify(doc)) changed++;
      old.delete((doc as { _id: string })._id);
    }
    const removed = old.size;
    if (added + changed + removed === 0) continue;
    documents += added + changed + removed;
    collections.push(`${name} +${added} ~${changed} -${removed}`);
  }
  return { documents, collections };
}

export async function runFuzz(h: FunctionHarness, options: FuzzOptions): Promise<FuzzReport> {
  const opts = {
    runsPerAction: options.runsPerAction,
    writeCap: options.writeCap ?? Math.min(300, Math.ceil(options.runsPerAction / 10)),
    seed: options.seed ?? Date.now() % 2 ** 31,
  };
  const concurrency = options.concurrency ?? 8;
  const identities = await identityRoles(h);
  const actions = allActions();
  const writes: Job[] = [];
  const quiet = interleave(actions.map((a) => jobsFor(a, identities, opts, writes)));

  const report: FuzzReport = {
    seed: opts.seed,
    calls: 0,
    seconds: 0,
    envelopes: 0,
    failedInvocations: 0,
    crashLogLines: 0,
    invocationsCounted: 0,
    wrongCodes: 0,
    stateChanges: 0,
    changedInQuiet: [],
    writtenCollections: [],
    perAction: {},
    problems: { notEnvelope: [], failed: [], wrongCode: [], crashLog: [] },
  };
  for (const a of actions) report.perAction[`${a.fn}.${a.name}`] = { calls: 0, quiet: 0, writes: 0, byCode: {}, byKind: { malformed: 0, wrongTypes: 0, wellTyped: 0, forbidden: 0 } };

  // The emulator logs every crash and timeout (tagged with the function's name).
  const watchLog = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!CRASH_LOG.test(line)) continue;
      report.crashLogLines++;
      if (report.problems.crashLog.length < SAMPLE_LIMIT) report.problems.crashLog.push(clip(line));
    }
  };
  h.cloud.process.stdout?.on('data', watchLog);
  h.cloud.process.stderr?.on('data', watchLog);

  const total = opts.runsPerAction * actions.length;
  const started = Date.now();
  let lastProgress = started;
  const send = async (job: Job) => {
    const answer = await rawCall(h, job.openid, job.fn, { ...job.payload, action: job.action });
    const figures = report.perAction[`${job.fn}.${job.action}`];
    figures.calls++;
    figures[job.phase]++;
    figures.byKind[job.kind]++;
    report.calls++;
    const problem = (): Problem => ({ call: `${job.fn}.${job.action}`, as: job.openid, payload: clip(job.payload), answer: clip(answer.body) });
    if (answer.status !== 200 || answer.result === undefined) {
      report.failedInvocations++;
      figures.byCode[`HTTP ${answer.status}`] = (figures.byCode[`HTTP ${answer.status}`] ?? 0) + 1;
      if (report.problems.failed.length < SAMPLE_LIMIT) report.problems.failed.push(problem());
    } else if (!isEnvelope(answer.result)) {
      figures.byCode['not an envelope'] = (figures.byCode['not an envelope'] ?? 0) + 1;
      if (report.problems.notEnvelope.length < SAMPLE_LIMIT) report.problems.notEnvelope.push(problem());
    } else {
      report.envelopes++;
      const code = answer.result.ok ? 'ok' : answer.result.error.code;
      figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
      if (code === 'internal' || (job.expect !== null && code !== job.expect)) {
        report.wrongCodes++;
        if (report.problems.wrongCode.length < SAMPLE_LIMIT) report.problems.wrongCode.push(problem());
      }
    }
    if (options.onProgress && Date.now() - lastProgress > 5000) {
      lastProgress = Date.now();
      options.onProgress(report.calls, total);
    }
  };

  const statsBefore = await functionStats(h);
  try {
    const before = await snapshot(h.db, COLLECTIONS);
    await drain(quiet, concurrency, send);
    const afterQuiet = await snapshot(h.db, COLLECTIONS);
    ({ documents: report.stateChanges, collections: report.changedInQuiet } = changes(before, afterQuiet));
    await drain(writes.values(), concurrency, send);
    report.writtenCollections = changes(afterQuiet, await snapshot(h.db, COLLECTIONS)).collections;
  } finally {
    report.seconds = (Date.now() - started) / 1000;
    // Let the last log lines of the run arrive before the watch stops.
    await new Promise((r) => setTimeout(r, 200));
    h.cloud.process.stdout?.off('data', watchLog);
    h.cloud.process.stderr?.off('data', watchLog);
  }
  const statsAfter = await functionStats(h);
  report.invocationsCounted = statsAfter.invocations - statsBefore.invocations;
  if (statsAfter.crashes !== undefined) report.crashesCounted = statsAfter.crashes - (statsBefore.crashes ?? 0);
  return report;
}

/**
 * The local cloud's own counters (`GET /api/dev/stats`): invocations, and instance crashes if it counts
 * them (`functions.crashes`: instances lost to a crash, an exit or a timeout, which the pool replaces).
 */
async function functionStats(h: FunctionHarness): Promise<{ invocations: number; crashes?: number }> {
  const stats = (await (await fetch(`${h.client.url}/api/dev/stats`)).json()) as { functions?: { invocations?: unknown; crashes?: unknown } };
  const crashes = stats.functions?.crashes;
  return { invocations: Number(stats.functions?.invocations ?? 0), crashes: typeof crashes === 'number' ? crashes : undefined };
}

/** One call over HTTP, keeping what a failed invocation answers (FunctionsClient.call throws on it). */
async function rawCall(h: FunctionHarness, openid: string, fn: string, event: Payload): Promise<{ status: number; result?: unknown; body: unknown }> {
  const token = await h.client.token(openid);
  const res = await fetch(`${h.client.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text: the problem list shows it.
  }
  const result = typeof body === 'object' && body !== null && 'result' in body ? body.result : undefined;
  return { status: res.status, result, body };
}
