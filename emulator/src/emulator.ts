import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDatabaseService, type DatabaseService } from './database';
import { devApiRoute } from './devapi/service';
import { SessionStore } from './devapi/sessions';
import { loadFunctionsConfig } from './functions/config';
import { FunctionsClock } from './functions/fake-clock';
import { FunctionRuntime } from './functions/runtime';
import { functionHandlers, functionRoute } from './functions/service';
import { TimerScheduler, timerRoute } from './functions/timers';
import { Outbox } from './openapi/outbox';
import { MESSAGE_PUSH_FUNCTION, openApiHandlers } from './openapi/service';
import { startServer, type RunningServer } from './server';
import { staticRoute } from './static/service';
import { StorageService } from './storage/service';
import type { EmulatorOptions, LogSink } from './types';

/**
 * Composes the local WeChat cloud: database, functions, storage, open API, dev endpoints and the H5
 * preview behind one HTTP server. `startEmulator` is what `main.ts` (the CLI) and in-process tests use.
 */

/** The repository root: this file runs from emulator/src (tests) or build/emulator (bundle). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_ENV_ID = 'yanzhen-local';

export interface Emulator {
  url: string;
  port: number;
  adminUrl: string;
  options: EmulatorOptions;
  database: DatabaseService;
  runtime: FunctionRuntime;
  outbox: Outbox;
  /** Timer triggers of cloudbaserc.json, running on schedule (functions/timers.ts). */
  timers: TimerScheduler;
  close(): Promise<void>;
}

export interface StartOptions extends Partial<EmulatorOptions> {
  /** The built worker entry; tests of the TypeScript sources still use build/emulator/worker.js. */
  workerScript?: string;
  maxWorkersPerFunction?: number;
}

export const consoleLog: LogSink = (level, source, text) => {
  const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
  stream.write(`${text.split('\n').map((line) => `[${source}] ${line}`).join('\n')}\n`);
};

function readAppId(): string {
  try {
    const appid = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'project.config.json'), 'utf8')) as { appid?: unknown }).appid;
    return typeof appid === 'string' && appid ? appid : 'touristappid';
  } catch {
    return 'touristappid';
  }
}

export function resolveOptions(partial: StartOptions = {}): EmulatorOptions {
  return {
    port: partial.port ?? 8787,
    host: partial.host ?? '127.0.0.1',
    dataDir: resolve(partial.dataDir ?? join(PROJECT_ROOT, '.data')),
    envId: partial.envId ?? '',
    functionsDir: resolve(partial.functionsDir ?? join(PROJECT_ROOT, 'build', 'cloudfunctions')),
    staticDir: resolve(partial.staticDir ?? join(PROJECT_ROOT, 'build', 'h5')),
    databaseSpecPath: resolve(partial.databaseSpecPath ?? join(PROJECT_ROOT, 'cloudfunctions', 'database.json')),
    functionsConfigPath: resolve(partial.functionsConfigPath ?? join(PROJECT_ROOT, 'cloudbaserc.json')),
    localEnvPath: resolve(partial.localEnvPath ?? join(PROJECT_ROOT, 'emulator', 'local.env.json')),
    appId: partial.appId ?? readAppId(),
    log: partial.log ?? consoleLog,
  };
}

export async function startEmulator(partial: StartOptions = {}): Promise<Emulator> {
  const options = resolveOptions(partial);
  const workerScript = resolve(partial.workerScript ?? join(PROJECT_ROOT, 'build', 'emulator', 'worker.js'));
  if (!existsSync(workerScript)) throw new Error(`${workerScript} is missing: run npm run build:emulator first`);
  mkdirSync(options.dataDir, { recursive: true });
  const functionsConfig = loadFunctionsConfig(options.functionsConfigPath, options.localEnvPath);
  const envId = options.envId || functionsConfig.envId || DEFAULT_ENV_ID;
  options.envId = envId;

  // Known once the server listens (port 0 picks one); services read it lazily.
  let baseUrl = '';
  const clock = FunctionsClock.fromEnvironment();
  const database = createDatabaseService({ dataDir: options.dataDir, specPath: options.databaseSpecPath });
  const runtime = new FunctionRuntime({
    functionsDir: options.functionsDir,
    workerScript,
    config: functionsConfig,
    envId,
    adminUrl: () => `${baseUrl}/admin`,
    log: options.log,
    maxWorkersPerFunction: partial.maxWorkersPerFunction,
    clock,
  });
  const sessions = new SessionStore(options.dataDir);
  const outbox = new Outbox(options.dataDir);
  const storage = new StorageService({ dataDir: options.dataDir, envId, baseUrl: () => baseUrl });
  const timers = new TimerScheduler({ config: functionsConfig, clock, log: options.log, exists: (name) => runtime.exists(name), invoke: (name, event, caller) => runtime.invoke(name, event, caller) });

  let server: RunningServer;
  try {
    server = await startServer(options, {
      handlers: {
        ...database.handlers,
        ...functionHandlers(runtime, options.appId),
        ...storage.handlers(),
        ...openApiHandlers({
          outbox,
          callerOpenId: (token) => runtime.callerOf(token)?.openId || undefined,
          // A push reaches the function as WeChat's server would call it: no user session.
          messagePush: (event) => (runtime.exists(MESSAGE_PUSH_FUNCTION) ? runtime.invoke(MESSAGE_PUSH_FUNCTION, event, { openId: typeof event.FromUserName === 'string' ? event.FromUserName : '', appId: options.appId, source: 'wx_server' }) : Promise.resolve()),
        }),
      },
      routes: [
        timerRoute(timers),
        devApiRoute({ sessions, outbox, clock, stats: () => ({ database: database.stats(), functions: runtime.stats(), timers: timers.stats() }) }),
        functionRoute(runtime, sessions, options.appId),
        ...storage.routes(sessions),
        staticRoute(options.staticDir, options.dataDir),
      ],
    });
  } catch (err) {
    await runtime.close();
    database.close();
    throw err;
  }
  // Functions and temp URLs reach the server over loopback even when it listens on every interface.
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  baseUrl = `http://${host}:${server.port}`;
  timers.start();

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port: server.port,
    adminUrl: `${baseUrl}/admin`,
    options,
    database,
    runtime,
    outbox,
    timers,
    close() {
      closing ??= (async () => {
        timers.stop();
        await runtime.close();
        await server.close();
        database.close();
      })();
      return closing;
    },
  };
}
