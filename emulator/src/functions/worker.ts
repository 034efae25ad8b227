/**
 * Worker-thread entry (bundled to build/emulator/worker.js): one instance of one cloud function.
 * It loads the deployed `index.js` once, as a warm CloudBase instance does, then runs one invocation
 * at a time. Each invocation brings its caller's variables: identity (WX_OPENID …) lives in
 * `process.env`, which is this thread's own copy, so overlapping invocations never see each other's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { format } from 'node:util';
import { setWorkerClock } from './fake-clock';
import { INVOCATION_KEYS } from './environment';
import type { FromWorker, InvokeMessage, SerializedError, ToWorker, WorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
const data = workerData as WorkerData;
let currentRequestId: string | undefined;

/**
 * `process.env` as a plain object (values still coerced to strings on write). A worker's native
 * `process.env` answers every read through a C++ interceptor, and wx-server-sdk reads some thirty
 * variables several times per request it sends (getCloudbaseContext); a plain object behind a Proxy
 * that only stringifies writes reads about 1.6× faster (measured on that SDK function). The object is
 * this thread's alone, as the native one was; it is created before the function's module loads, so the
 * module and the SDK only ever see this one. (Assigning `TZ` here does not retime `Date`, as it would on
 * the native object; the platform's time zone is set at instance start anyway.)
 */
function plainEnvironment(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const target: NodeJS.ProcessEnv = { ...source };
  return new Proxy(target, {
    set: (t, key, value) => Reflect.set(t, key, String(value)),
    defineProperty: (t, key, desc) => Reflect.defineProperty(t, key, 'value' in desc ? { ...desc, value: String(desc.value) } : desc),
  });
}
process.env = plainEnvironment(process.env);

function send(message: FromWorker): void {
  port!.postMessage(message);
}

function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  // Functions also throw plain objects such as { errCode, errMsg } from the SDK.
  let message: string;
  try {
    message = typeof err === 'string' ? err : JSON.stringify(err) ?? String(err);
  } catch {
    message = String(err);
  }
  return { name: 'Error', message };
}

// Console output goes to the main thread, which prints it tagged with the function and request id.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...args: unknown[]) => send({ type: 'log', level, requestId: currentRequestId, text: format(...args) });
}
process.on('unhandledRejection', (reason) => {
  send({ type: 'log', level: 'error', requestId: currentRequestId, text: `unhandled rejection: ${serializeError(reason).stack ?? serializeError(reason).message}` });
});

type Main = (event: unknown, context: unknown, callback?: (err: unknown, result?: unknown) => void) => unknown;
let main: Main | undefined;
let loadError: SerializedError | undefined;
try {
  // Plain require: the deployed bundle is CommonJS and finds wx-server-sdk in node_modules above it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(data.entryPath) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`${data.functionName}/index.js does not export a main function`);
  main = mod.main;
} catch (err) {
  loadError = serializeError(err);
}
send({ type: 'ready', loadError });

function runMain(fn: Main, event: unknown, context: unknown): Promise<unknown> {
  // Callback-style functions (main(event, context, callback)) are still accepted by the runtime.
  if (fn.length >= 3) {
    return new Promise((resolve, reject) => {
      // The function's own error passes unchanged (plain SDK error objects included): serializeError reads it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      const maybe = fn(event, context, (err, result) => (err ? reject(err) : resolve(result)));
      if (maybe && typeof (maybe as Promise<unknown>).then === 'function') (maybe as Promise<unknown>).then(resolve, reject);
    });
  }
  return Promise.resolve().then(() => fn(event, context));
}

/** Sets this invocation's caller variables and removes the previous caller's that this one lacks. */
function applyInvocationEnv(vars: InvokeMessage['env']): void {
  const env = process.env;
  for (const key of INVOCATION_KEYS) {
    const value = vars[key];
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
}

async function invoke(msg: InvokeMessage): Promise<void> {
  currentRequestId = msg.requestId;
  applyInvocationEnv(msg.env);
  if (msg.clockOffsetMs !== undefined) setWorkerClock(msg.clockOffsetMs);
  try {
    if (!main) throw Object.assign(new Error(`function failed to load: ${loadError?.message}`), { stack: loadError?.stack });
    const event = JSON.parse(msg.event) as unknown;
    const result = await runMain(main, event, { ...data.context, request_id: msg.requestId });
    // The platform answers JSON: Dates become strings, undefined fields vanish.
    const json = result === undefined ? undefined : JSON.stringify(result);
    send({ type: 'done', requestId: msg.requestId, ok: true, json });
  } catch (err) {
    send({ type: 'done', requestId: msg.requestId, ok: false, error: serializeError(err) });
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'invoke') void invoke(msg);
});
