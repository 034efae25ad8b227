/**
 * Messages between a function's worker pool (main thread) and one worker thread (worker.ts).
 * Per invocation only what changes crosses the thread boundary, as strings where possible (a string
 * is copied, an object is walked by the structured clone): the event as JSON text, the request id and
 * the caller's variables. What is fixed for the instance's life travels once, in `WorkerData`.
 */
import type { InvocationVariables } from './environment';

export interface WorkerData {
  functionName: string;
  /** Absolute path of the deployed `index.js`. */
  entryPath: string;
  /** The context of every invocation of this instance, less `request_id`. */
  context: Omit<InvocationContext, 'request_id'>;
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
  /** The event as JSON text (an object, `userInfo` included). */
  event: string;
  /** The per-invocation variables (see INVOCATION_KEYS); the rest of the environment is the instance's. */
  env: InvocationVariables;
  /** Local-mode fake clock (fake-clock.ts): present only when the local cloud runs with one. */
  clockOffsetMs?: number;
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
