/**
 * CLI: `node build/emulator/main.js [--port N] [--host 127.0.0.1] [--data-dir DIR]`
 * (env fallbacks PORT, YANZHEN_CLOUD_HOST, DATA_DIR; FUNCTIONS_DIR, STATIC_DIR, DATABASE_SPEC, CLOUDBASERC and
 * LOCAL_ENV_FILE override the project's defaults). Prints exactly one line
 * `Yanzhen local cloud listening on http://127.0.0.1:PORT` when ready; SIGTERM/SIGINT close cleanly.
 */
import { startEmulator, type StartOptions } from './emulator';

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  const out: StartOptions = {};
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--port':
        out.port = Number(take());
        break;
      case '--host':
        out.host = take();
        break;
      case '--data-dir':
        out.dataDir = take();
        break;
      case '--help':
      case '-h':
        throw new Error('usage: main.js [--port N] [--host 127.0.0.1] [--data-dir DIR]');
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (out.port === undefined && env.PORT) out.port = Number(env.PORT);
  // Only a variable of this project moves the local cloud off loopback: the generic HOST is often set
  // by shells and containers (e.g. to the machine's name) and must not expose it to the network.
  if (out.host === undefined && env.YANZHEN_CLOUD_HOST) out.host = env.YANZHEN_CLOUD_HOST;
  if (out.dataDir === undefined && env.DATA_DIR) out.dataDir = env.DATA_DIR;
  // Other paths default to the project's; tests and tools may point them elsewhere.
  if (env.FUNCTIONS_DIR) out.functionsDir = env.FUNCTIONS_DIR;
  if (env.STATIC_DIR) out.staticDir = env.STATIC_DIR;
  if (env.DATABASE_SPEC) out.databaseSpecPath = env.DATABASE_SPEC;
  if (env.CLOUDBASERC) out.functionsConfigPath = env.CLOUDBASERC;
  if (env.LOCAL_ENV_FILE) out.localEnvPath = env.LOCAL_ENV_FILE;
  if (env.MAX_INSTANCES_PER_FUNCTION) out.maxWorkersPerFunction = Number(env.MAX_INSTANCES_PER_FUNCTION);
  if (out.port !== undefined && !(Number.isInteger(out.port) && out.port >= 0 && out.port < 65536)) throw new Error(`invalid port ${out.port}`);
  const cap = out.maxWorkersPerFunction;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 1 && cap <= 64)) throw new Error(`invalid MAX_INSTANCES_PER_FUNCTION ${cap}`);
  return out;
}

async function run(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  console.log(`Yanzhen local cloud listening on ${emulator.url}`);
  // Warm one instance per function in the background (PREWARM=0 turns it off).
  if (process.env.PREWARM !== '0') void emulator.runtime.prewarm();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`[emulator] error while stopping on ${signal}`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by a tool (npm start, a test): when that parent dies without stopping us, stop too, so a
  // crashed test run leaves no local cloud behind holding a port and a data folder.
  if (process.env.EXIT_WITH_PARENT === '1') {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && stop('parent exit'), 1000).unref();
  }
}

if (require.main === module) {
  run().catch((err) => {
    console.error('[emulator] failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
