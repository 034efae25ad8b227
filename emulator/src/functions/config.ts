import { existsSync, readFileSync } from 'node:fs';
import { readTimerTriggers, type TimerTrigger } from './timers';

/**
 * Per-function settings the emulator takes from `cloudbaserc.json` (the CloudBase CLI file that
 * deployment uses too) and from `emulator/local.env.json` (local demo values of environment variables).
 */
export interface FunctionConfig {
  name: string;
  /** CloudBase counts the timeout in seconds; 3 s when the file gives none. */
  timeoutMs: number;
  /** The function's environment variables: `envVariables`, overridden by the local values. */
  envVariables: Record<string, string>;
  /** Timer triggers (`triggers` of type "timer"): run by the local cloud's scheduler, see timers.ts. */
  triggers: TimerTrigger[];
}

export const DEFAULT_TIMEOUT_SECONDS = 3;
/** CloudBase allows up to 900 s for event functions; anything larger is a typo worth catching. */
const MAX_TIMEOUT_SECONDS = 900;

interface CloudbasercFunction {
  name?: unknown;
  timeout?: unknown;
  envVariables?: unknown;
  triggers?: unknown;
}

function readJson(path: string, what: string): unknown {
  if (!path || !existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`${what} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'object' && v !== null) throw new Error(`${what}.${k} must be a string`);
    out[k] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return out;
}

export interface FunctionsConfig {
  envId?: string;
  functions: Map<string, FunctionConfig>;
  /** Applied to every function, also to those cloudbaserc.json does not list (test fixtures). */
  localEnv: Record<string, string>;
}

export function loadFunctionsConfig(cloudbasercPath: string, localEnvPath: string): FunctionsConfig {
  const rc = readJson(cloudbasercPath, 'functions config') as { envId?: unknown; functions?: unknown } | undefined;
  const localEnv = stringMap(readJson(localEnvPath, 'local env'), 'local.env.json');
  const functions = new Map<string, FunctionConfig>();
  const list = Array.isArray(rc?.functions) ? (rc.functions as CloudbasercFunction[]) : [];
  for (const fn of list) {
    if (typeof fn?.name !== 'string' || !fn.name) throw new Error(`${cloudbasercPath}: every function needs a name`);
    const seconds = fn.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(fn.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
      throw new Error(`${cloudbasercPath}: function ${fn.name} has an invalid timeout ${String(fn.timeout)}`);
    }
    functions.set(fn.name, {
      name: fn.name,
      timeoutMs: Math.round(seconds * 1000),
      envVariables: { ...stringMap(fn.envVariables, `${fn.name}.envVariables`), ...localEnv },
      triggers: readTimerTriggers(fn.triggers, `${cloudbasercPath}: function ${fn.name}`),
    });
  }
  return { envId: typeof rc?.envId === 'string' ? rc.envId : undefined, functions, localEnv };
}

/** Settings of a function, with the CloudBase defaults for one the config file does not list. */
export function configFor(config: FunctionsConfig, name: string): FunctionConfig {
  return config.functions.get(name) ?? { name, timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, envVariables: { ...config.localEnv }, triggers: [] };
}
