import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CodeWatch } from './code-watch';
import type { FromWorker, InvocationContext, InvokeMessage, SerializedError, WorkerData } from './protocol';

/**
 * The instances of one cloud function: worker threads that each run one invocation at a time, as
 * CloudBase instances do. The pool grows up to `maxWorkers` and queues beyond. A timed-out instance is
 * terminated (its invocation cannot be aborted otherwise) and a fresh one replaces it on demand.
 * When the deployed `index.js` changes (a rebuild), old instances retire so the new code is loaded.
 */
export type InvocationOutcome =
  | { ok: true; json?: string }
  | { ok: false; kind: 'error' | 'timeout' | 'crash'; error: SerializedError };

export interface PoolOptions {
  functionName: string;
  entryPath: string;
  workerScript: string;
  maxWorkers: number;
  timeoutMs: number;
  /** The environment the instance starts with (module top level and `cloud.init` run in it). */
  baseEnv: Record<string, string>;
  /** The invocation context, less `request_id`, the same for every invocation of this function. */
  context: Omit<InvocationContext, 'request_id'>;
  onLog(level: 'log' | 'info' | 'warn' | 'error' | 'debug', requestId: string | undefined, text: string): void;
}

interface Pending {
  message: InvokeMessage;
  resolve(outcome: InvocationOutcome): void;
  queuedAt: number;
}

interface Instance {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy';
  current?: Pending;
  timer?: NodeJS.Timeout;
  /** Terminate once the current invocation ends (code changed). */
  retired: boolean;
}

/** A module that takes longer than this to load is treated as crashed (CloudBase's init limit is similar). */
const STARTUP_LIMIT_MS = 30_000;
/**
 * Instances loading at once. Loading a bundle plus wx-server-sdk costs about a CPU-second; on a laptop
 * (or 2-core CI) parallel loads only slow each other down, while one warm instance drains a queue fast.
 */
const STARTING_CAP = Math.max(1, Math.min(2, availableParallelism() - 1));
/** How long the oldest queued invocation waits before the pool adds an instance. */
const SCALE_OUT_AFTER_MS = 100;
/** CloudBase gives a function 256 MB by default. */
const MEMORY_LIMIT_MB = 256;

export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private readonly queue: Pending[] = [];
  private readonly code: CodeWatch;
  /** The entry's version that the current instances loaded (0: none yet). */
  private loadedVersion: number;
  private closed = false;
  private scaleTimer?: NodeJS.Timeout;

  constructor(private readonly opts: PoolOptions) {
    this.code = new CodeWatch(opts.entryPath);
    this.loadedVersion = this.code.current();
  }

  /** Whether the deployed entry exists (checked at most once a second, or after a watch event). */
  get deployed(): boolean {
    return this.code.current() !== 0;
  }

  get size(): number {
    return this.instances.size;
  }

  /** Instances lost to a crash, an exit, a failed start or a timeout (not to retirement or shutdown). */
  lost = 0;

  run(message: InvokeMessage): Promise<InvocationOutcome> {
    if (this.closed) return Promise.resolve(crash('the local cloud is shutting down'));
    this.retireIfCodeChanged();
    return new Promise((resolve) => {
      this.queue.push({ message, resolve, queuedAt: Date.now() });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.code.close();
    clearTimeout(this.scaleTimer);
    for (const pending of this.queue.splice(0)) pending.resolve(crash('the local cloud is shutting down'));
    await Promise.all([...this.instances].map((i) => this.remove(i, crash('the local cloud is shutting down'))));
  }

  private retireIfCodeChanged(): void {
    const version = this.code.current();
    if (version === this.loadedVersion) return;
    this.loadedVersion = version;
    for (const instance of this.instances) {
      if (instance.state === 'busy') instance.retired = true;
      else void this.remove(instance);
    }
  }

  private pump(): void {
    if (this.closed) return;
    for (const instance of this.instances) {
      if (this.queue.length === 0) return;
      if (instance.state === 'idle') this.dispatch(instance, this.queue.shift() as Pending);
    }
    if (this.queue.length === 0 || this.instances.size >= this.opts.maxWorkers) return;
    // Scale out only when work has waited a moment: warm instances drain a burst of quick calls faster
    // than new ones can load, while slow calls (waiting on I/O) soon make the queue wait and add instances.
    const waited = Date.now() - this.queue[0].queuedAt;
    if (this.instances.size > 0 && waited < SCALE_OUT_AFTER_MS) {
      if (!this.scaleTimer) {
        this.scaleTimer = setTimeout(() => {
          this.scaleTimer = undefined;
          this.pump();
        }, SCALE_OUT_AFTER_MS - waited);
      }
      return;
    }
    let starting = this.startingCount();
    let missing = this.queue.length - starting;
    while (missing > 0 && this.instances.size < this.opts.maxWorkers && starting < STARTING_CAP) {
      this.spawn();
      missing--;
      starting++;
    }
  }

  private startingCount(): number {
    return [...this.instances].filter((i) => i.state === 'starting').length;
  }

  /** Starts one instance ahead of the first call, if there is none; resolves once it is ready (or failed). */
  warm(): Promise<void> {
    if (this.closed || this.instances.size > 0) return Promise.resolve();
    const instance = this.spawn();
    return new Promise((resolve) => {
      const check = () => (instance.state !== 'starting' || !this.instances.has(instance) ? resolve() : setTimeout(check, 20));
      check();
    });
  }

  private spawn(): Instance {
    const data: WorkerData = { functionName: this.opts.functionName, entryPath: this.opts.entryPath, context: this.opts.context };
    const worker = new Worker(this.opts.workerScript, {
      workerData: data,
      env: { ...this.opts.baseEnv },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    });
    const instance: Instance = { worker, state: 'starting', retired: false };
    this.instances.add(instance);
    instance.timer = setTimeout(() => {
      this.opts.onLog('error', undefined, `instance did not load within ${STARTUP_LIMIT_MS / 1000} s`);
      this.lost++;
      void this.remove(instance, crash('the function instance did not start in time'));
      this.failOneQueued('the function instance did not start in time');
    }, STARTUP_LIMIT_MS);
    worker.on('message', (msg: FromWorker) => this.onMessage(instance, msg));
    worker.on('error', (err) => {
      if (this.instances.has(instance)) this.lost++;
      this.opts.onLog('error', instance.current?.message.requestId, `instance crashed: ${err.stack ?? err.message}`);
      void this.remove(instance, { ok: false, kind: 'crash', error: { name: err.name, message: err.message, stack: err.stack } });
      if (instance.state === 'starting') this.failOneQueued(err.message);
      this.pump();
    });
    worker.on('exit', () => {
      if (!this.instances.has(instance)) return;
      // An exit nobody asked for (process.exit in the function, or a fatal error): count and say it.
      this.lost++;
      this.opts.onLog('error', instance.current?.message.requestId, 'instance exited unexpectedly');
      void this.remove(instance, crash('the function instance exited'));
      this.pump();
    });
    return instance;
  }

  private failOneQueued(reason: string): void {
    // A worker that cannot start would otherwise leave its queued invocation waiting forever.
    const pending = this.queue.shift();
    pending?.resolve(crash(reason));
  }

  private onMessage(instance: Instance, msg: FromWorker): void {
    if (msg.type === 'log') {
      this.opts.onLog(msg.level, msg.requestId, msg.text);
    } else if (msg.type === 'ready') {
      clearTimeout(instance.timer);
      instance.state = 'idle';
      if (msg.loadError) this.opts.onLog('error', undefined, `failed to load: ${msg.loadError.stack ?? msg.loadError.message}`);
      this.pump();
    } else if (msg.type === 'done') {
      const pending = instance.current;
      if (!pending || pending.message.requestId !== msg.requestId) return;
      clearTimeout(instance.timer);
      instance.current = undefined;
      instance.state = 'idle';
      pending.resolve(msg.ok ? { ok: true, json: msg.json } : { ok: false, kind: 'error', error: msg.error });
      if (instance.retired) void this.remove(instance);
      this.pump();
    }
  }

  private dispatch(instance: Instance, pending: Pending): void {
    instance.state = 'busy';
    instance.current = pending;
    instance.timer = setTimeout(() => {
      const seconds = this.opts.timeoutMs / 1000;
      // SCF's wording, so that logs read like the real platform's.
      const message = `Invoking task timed out after ${seconds} seconds`;
      this.opts.onLog('error', pending.message.requestId, message);
      this.lost++;
      void this.remove(instance, { ok: false, kind: 'timeout', error: { name: 'TimeoutError', message } });
      this.pump();
    }, this.opts.timeoutMs);
    instance.worker.postMessage(pending.message);
  }

  private async remove(instance: Instance, outcome?: InvocationOutcome): Promise<void> {
    if (!this.instances.delete(instance)) return;
    clearTimeout(instance.timer);
    const pending = instance.current;
    instance.current = undefined;
    if (pending && outcome) pending.resolve(outcome);
    else if (pending) pending.resolve(crash('the function instance was stopped'));
    await instance.worker.terminate().catch(() => undefined);
  }
}

function crash(message: string): InvocationOutcome {
  return { ok: false, kind: 'crash', error: { name: 'Error', message } };
}
