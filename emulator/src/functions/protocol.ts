/** Messages between a function's worker pool (main thread) and one worker thread (worker.ts). */

export interface WorkerData {
  functionName: string;
  /** Absolute path of the deployed `index.js`. */
  entryPath: string;
}

/** The context object the real runtime passes as `main`'s second argument (the fields code reads). */
export interface InvocationContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  tencentcloud_region: string;
  callbackWaitsForEmptyEventLoop: boolean;
}

export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  event: unknown;
  context: InvocationContext;
  /** The whole per-invocation environment; the worker replaces its `process.env` with it. */
  env: Record<string, string>;
}

export type ToWorker = InvokeMessage;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type FromWorker =
  | { type: 'ready'; loadError?: SerializedError }
  | { type: 'log'; requestId?: string; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  /** `json` is the JSON text of the return value (`undefined` return → no `json`). */
  | { type: 'done'; requestId: string; ok: true; json?: string }
  | { type: 'done'; requestId: string; ok: false; error: SerializedError };
