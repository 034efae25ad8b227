/**
 * Worker-thread entry (bundled to build/emulator/worker.js): one instance of one cloud function.
 * It loads the deployed `index.js` once, as a warm CloudBase instance does, then runs one invocation
 * at a time. Each invocation brings its whole environment: identity (WX_OPENID …) lives in
 * `process.env`, which is this thread's own copy, so overlapping invocations never see each other's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { format } from 'node:util';
import type { FromWorker, InvokeMessage, SerializedError, ToWorker, WorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
const data = workerData as WorkerData;
let currentRequestId: string | undefined;

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
      const maybe = fn(event, context, (err, result) => (err ? reject(err) : resolve(result)));
      if (maybe && typeof (maybe as Promise<unknown>).then === 'function') (maybe as Promise<unknown>).then(resolve, reject);
    });
  }
  return Promise.resolve().then(() => fn(event, context));
}

function replaceEnv(env: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
}

async function invoke(msg: InvokeMessage): Promise<void> {
  currentRequestId = msg.requestId;
  replaceEnv(msg.env);
  try {
    if (!main) throw Object.assign(new Error(`function failed to load: ${loadError?.message}`), { stack: loadError?.stack });
    const result = await runMain(main, msg.event, msg.context);
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
