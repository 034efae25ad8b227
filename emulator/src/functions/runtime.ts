import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CallerIdentity, LogSink } from '../types';
import { configFor, type FunctionsConfig } from './config';
import { instanceEnv, invocationVariables, SESSION_TOKEN_PREFIX } from './environment';
import type { FunctionsClock } from './fake-clock';
import { FunctionPool } from './pool';

/**
 * Runs deployed cloud functions (`<functionsDir>/<name>/index.js`), one pool of worker threads per
 * function. Knows which invocation is running under which session token, so that a call a function
 * makes back to `/admin` (e.g. `cloud.callFunction`) can be attributed to its caller.
 */
export type InvocationResult =
  /** `json`: the JSON text of what the function returned (`null` for nothing), passed on as it is. */
  | { ok: true; requestId: string; json: string }
  | { ok: false; requestId: string; kind: 'error' | 'timeout' | 'crash'; errMsg: string };

export interface FunctionRuntimeOptions {
  functionsDir: string;
  workerScript: string;
  config: FunctionsConfig;
  envId: string;
  region?: string;
  /** The `/admin` URL, known once the server listens. */
  adminUrl: () => string;
  log: LogSink;
  /** Instances per function (CloudBase scales far higher); default DEFAULT_MAX_INSTANCES. */
  maxWorkersPerFunction?: number;
  /** Local-mode fake clock for function instances (tests only, fake-clock.ts). */
  clock?: FunctionsClock;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/;
/**
 * Each instance is a V8 isolate that loads wx-server-sdk (~0.7 CPU-s) and then mostly waits on
 * `/admin`, which the main thread serves. Measured on 2 cores (16 callers inserting through a
 * function): 2 instances ~220 calls/s, 4 ~150/s, 8 ~85/s; extra isolates only steal CPU from the
 * main thread. So one instance per core (at least 2, at most 8); MAX_INSTANCES_PER_FUNCTION overrides.
 */
export const DEFAULT_MAX_INSTANCES = Math.max(2, Math.min(8, availableParallelism()));

export class FunctionRuntime {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly running = new Map<string, CallerIdentity>();
  private invocations = 0;
  private closed = false;
  /** Request ids: a random prefix per process and a counter (unique, and cheaper than random bytes per call). */
  private readonly idPrefix = randomBytes(4).toString('hex');
  private idCounter = 0;

  constructor(private readonly opts: FunctionRuntimeOptions) {}

  exists(name: string): boolean {
    if (!FUNCTION_NAME.test(name)) return false;
    // A function already called has a pool that watches its entry; others are looked up on disk.
    const pool = this.pools.get(name);
    return pool ? pool.deployed : existsSync(this.entryPath(name));
  }

  /** The caller of the invocation that holds `sessionToken`, while it runs. */
  callerOf(sessionToken: unknown): CallerIdentity | undefined {
    if (typeof sessionToken !== 'string' || !sessionToken.startsWith(SESSION_TOKEN_PREFIX)) return undefined;
    return this.running.get(sessionToken);
  }

  /** `crashes`: instances lost to a crash, exit or timeout since start (the fuzzer requires 0). */
  stats(): { invocations: number; crashes: number; instances: Record<string, number> } {
    const instances: Record<string, number> = {};
    let crashes = 0;
    for (const [name, pool] of this.pools) {
      instances[name] = pool.size;
      crashes += pool.lost;
    }
    return { invocations: this.invocations, crashes, instances };
  }

  async invoke(name: string, event: Record<string, unknown>, caller: CallerIdentity): Promise<InvocationResult> {
    const requestId = this.nextRequestId();
    if (this.closed || !this.exists(name)) return { ok: false, requestId, kind: 'crash', errMsg: `function ${name} not found` };
    this.invocations++;
    const sessionToken = `${SESSION_TOKEN_PREFIX}${requestId}`;
    // The platform adds who called to the event (the SDK documents `event.userInfo`).
    const eventJson = JSON.stringify({ ...event, userInfo: { appId: caller.appId, openId: caller.openId } });
    const env = invocationVariables(caller, sessionToken, requestId);
    this.running.set(sessionToken, caller);
    try {
      const outcome = await this.pool(name).run({ type: 'invoke', requestId, event: eventJson, env, clockOffsetMs: this.opts.clock?.offsetMs });
      if (outcome.ok) return { ok: true, requestId, json: outcome.json ?? 'null' };
      if (outcome.kind === 'error' && outcome.error.stack) this.opts.log('error', `${name} ${requestId}`, outcome.error.stack);
      const errMsg = outcome.kind === 'timeout' ? outcome.error.message : `${outcome.error.name}: ${outcome.error.message}`;
      return { ok: false, requestId, kind: outcome.kind, errMsg };
    } finally {
      this.running.delete(sessionToken);
    }
  }

  /**
   * Loads one instance of every deployed function, one after another, so that the first call of each
   * is warm (used by the CLI; tests start cold).
   */
  async prewarm(): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.opts.functionsDir).filter((n) => this.exists(n));
    } catch {
      return;
    }
    for (const name of names) {
      if (this.closed) return;
      await this.pool(name).warm();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }

  private get region(): string {
    return this.opts.region ?? 'ap-shanghai';
  }

  private nextRequestId(): string {
    this.idCounter = (this.idCounter + 1) % 0x100000000;
    return this.idPrefix + this.idCounter.toString(16).padStart(8, '0');
  }

  private entryPath(name: string): string {
    return join(this.opts.functionsDir, name, 'index.js');
  }

  private baseEnv(name: string): Record<string, string> {
    const config = configFor(this.opts.config, name);
    return instanceEnv({
      envId: this.opts.envId,
      adminUrl: this.opts.adminUrl(),
      functionName: name,
      region: this.region,
      envVariables: config.envVariables,
      timeoutMs: config.timeoutMs,
    });
  }

  private pool(name: string): FunctionPool {
    let pool = this.pools.get(name);
    if (!pool) {
      const config = configFor(this.opts.config, name);
      pool = new FunctionPool({
        functionName: name,
        entryPath: this.entryPath(name),
        workerScript: this.opts.workerScript,
        maxWorkers: this.opts.maxWorkersPerFunction ?? DEFAULT_MAX_INSTANCES,
        timeoutMs: config.timeoutMs,
        baseEnv: this.baseEnv(name),
        context: {
          function_name: name,
          function_version: '$LATEST',
          namespace: this.opts.envId,
          memory_limit_in_mb: 256,
          time_limit_in_ms: config.timeoutMs,
          tencentcloud_region: this.region,
          callbackWaitsForEmptyEventLoop: false,
        },
        onLog: (level, requestId, text) => this.opts.log(level, requestId ? `${name} ${requestId}` : name, text),
      });
      this.pools.set(name, pool);
    }
    return pool;
  }
}
