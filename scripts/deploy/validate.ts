import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cronProblem } from '../../emulator/src/functions/cron';

/**
 * Checks of what `npm run deploy` sends, on the same declaration files the local cloud reads:
 * `cloudbaserc.json` (functions), `cloudfunctions/database.json` (collections, indexes, permissions) and the
 * built function folders. Each check answers sentences naming the file and the broken entry, so a failed
 * dry run says what to fix; none of them needs credentials or the network.
 */

/** Runtimes CloudBase offers for Node functions (CloudBase docs, mid-2026; the WeChat console list is unconfirmed). */
export const OFFERED_RUNTIMES = ['Nodejs16.13', 'Nodejs18.15', 'Nodejs20.19', 'Nodejs22.21', 'Nodejs24.11'] as const;
export const TIMEOUT_RANGE = { min: 1, max: 60 } as const;
export const MEMORY_RANGE = { min: 128, max: 2048, step: 128, default: 256 } as const;
export const MAX_INDEXES_PER_COLLECTION = 20;
export const PERMISSIONS = ['ADMINONLY', 'ADMINWRITE', 'READONLY', 'PRIVATE'] as const;
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const INDEX_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export interface TriggerDecl { name: string; type: 'timer'; config: string }
export interface FunctionDecl {
  name: string;
  timeout: number;
  runtime: string;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: TriggerDecl[];
}
export type Direction = 1 | -1 | '2dsphere';
export interface IndexDecl { name: string; unique: boolean; keys: { field: string; direction: Direction }[] }
export interface CollectionDecl { name: string; permission: (typeof PERMISSIONS)[number]; indexes: IndexDecl[] }

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTriggers(where: string, raw: unknown, problems: string[]): TriggerDecl[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where}: "triggers" must be an array`);
    return [];
  }
  // CloudBase allows one timer trigger per function.
  if (raw.length > 1) problems.push(`${where}: ${raw.length} triggers declared; CloudBase allows one timer trigger per function`);
  const triggers: TriggerDecl[] = [];
  for (const t of raw as unknown[]) {
    if (!isObject(t) || typeof t.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) {
      problems.push(`${where}: trigger ${JSON.stringify(isObject(t) ? t.name : t)} needs a name (letters, digits, _ and -)`);
      continue;
    }
    if (t.type !== 'timer') problems.push(`${where}: trigger ${t.name} has type ${JSON.stringify(t.type)}; only "timer" is supported`);
    const cron = cronProblem(t.config);
    if (cron) problems.push(`${where}: trigger ${t.name}: ${cron}`);
    triggers.push({ name: t.name, type: 'timer', config: String(t.config) });
  }
  return triggers;
}

function checkEnvVariables(where: string, raw: unknown, problems: string[]): Record<string, string> {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    problems.push(`${where}: "envVariables" must be an object of strings`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!ENV_KEY.test(key)) problems.push(`${where}: environment variable name ${JSON.stringify(key)} is not valid`);
    if (typeof value !== 'string') problems.push(`${where}: environment variable ${key} must be a string`);
    out[key] = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  }
  return out;
}

/** `cloudbaserc.json`, against the function folders that exist (`built`): every folder declared, every declaration built. */
export function checkFunctionsConfig(rc: unknown, built: string[], file = 'cloudbaserc.json'): { functions: FunctionDecl[]; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(rc) || !Array.isArray(rc.functions)) return { functions: [], problems: [`${file}: "functions" must be an array`] };
  const functions: FunctionDecl[] = [];
  for (const fn of rc.functions as unknown[]) {
    if (!isObject(fn) || typeof fn.name !== 'string' || !FUNCTION_NAME.test(fn.name)) {
      problems.push(`${file}: function ${JSON.stringify(isObject(fn) ? fn.name : fn)} needs a name (a letter, then letters, digits, _ or -)`);
      continue;
    }
    const where = `${file}: function ${fn.name}`;
    if (functions.some((f) => f.name === fn.name)) problems.push(`${where} is declared twice`);
    if (!built.includes(fn.name)) problems.push(`${where} has no built folder build/cloudfunctions/${fn.name} (no cloudfunctions/${fn.name}/index.ts?)`);
    const timeout = fn.timeout ?? 3;
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < TIMEOUT_RANGE.min || timeout > TIMEOUT_RANGE.max) {
      problems.push(`${where}: timeout ${JSON.stringify(fn.timeout)} must be a whole number of seconds from ${TIMEOUT_RANGE.min} to ${TIMEOUT_RANGE.max}`);
    }
    const memory = fn.memorySize ?? MEMORY_RANGE.default;
    if (typeof memory !== 'number' || memory < MEMORY_RANGE.min || memory > MEMORY_RANGE.max || memory % MEMORY_RANGE.step !== 0) {
      problems.push(`${where}: memorySize ${JSON.stringify(fn.memorySize)} must be ${MEMORY_RANGE.min}-${MEMORY_RANGE.max} MB in steps of ${MEMORY_RANGE.step}`);
    }
    if (!OFFERED_RUNTIMES.includes(fn.runtime as never)) {
      problems.push(`${where}: runtime ${JSON.stringify(fn.runtime)} is not one CloudBase offers (${OFFERED_RUNTIMES.join(', ')})`);
    }
    if (fn.installDependency !== true) problems.push(`${where}: "installDependency" must be true (wx-server-sdk is installed in the cloud, not bundled)`);
    functions.push({
      name: fn.name,
      timeout: Number(timeout),
      runtime: String(fn.runtime),
      memorySize: Number(memory),
      installDependency: fn.installDependency === true,
      envVariables: checkEnvVariables(where, fn.envVariables, problems),
      triggers: checkTriggers(where, fn.triggers, problems),
    });
  }
  for (const name of built) if (!functions.some((f) => f.name === name)) problems.push(`${file}: built function ${name} is not declared in "functions"`);
  const runtimes = new Set(functions.map((f) => f.runtime));
  if (runtimes.size > 1) problems.push(`${file}: functions declare different runtimes (${[...runtimes].join(', ')}); the bundles are built for one`);
  return { functions, problems };
}

/** A built function folder: `index.js` exporting `main`, and a `package.json` that makes the cloud install wx-server-sdk. */
export function checkFunctionFolder(dir: string, name: string): string[] {
  const where = `build/cloudfunctions/${name}`;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [`${where}: the folder is missing (run npm run build:functions)`];
  const problems: string[] = [];
  const index = join(dir, 'index.js');
  if (!existsSync(index)) problems.push(`${where}: index.js is missing`);
  // esbuild's CommonJS output lists the exports by name; CloudBase calls exports.main.
  else if (!/\bmain\s*:/.test(readFileSync(index, 'utf8'))) problems.push(`${where}: index.js does not export "main" (the handler CloudBase calls)`);
  const pkgPath = join(dir, 'package.json');
  if (!existsSync(pkgPath)) return [...problems, `${where}: package.json is missing (the cloud installs dependencies from it)`];
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  } catch (err) {
    return [...problems, `${where}: package.json is not valid JSON: ${(err as Error).message}`];
  }
  const deps = isObject(pkg) && isObject(pkg.dependencies) ? pkg.dependencies : {};
  if (typeof deps['wx-server-sdk'] !== 'string') problems.push(`${where}: package.json does not depend on wx-server-sdk`);
  if (isObject(pkg) && pkg.main !== undefined && pkg.main !== 'index.js') problems.push(`${where}: package.json "main" must be index.js`);
  return problems;
}

function checkIndex(where: string, raw: unknown, problems: string[]): IndexDecl | null {
  if (!isObject(raw) || typeof raw.name !== 'string' || !INDEX_NAME.test(raw.name)) {
    problems.push(`${where}: index ${JSON.stringify(isObject(raw) ? raw.name : raw)} needs a name (letters, digits, _ and -)`);
    return null;
  }
  const at = `${where} index ${raw.name}`;
  if (!Array.isArray(raw.keys) || raw.keys.length === 0) {
    problems.push(`${at}: "keys" must be a non-empty array of {field, direction}`);
    return null;
  }
  const keys: IndexDecl['keys'] = [];
  for (const k of raw.keys as unknown[]) {
    const field = isObject(k) ? k.field : undefined;
    const direction = isObject(k) ? k.direction : undefined;
    if (typeof field !== 'string' || !FIELD_PATH.test(field)) problems.push(`${at}: field ${JSON.stringify(field)} is not a valid field path`);
    else if (field === '_id') problems.push(`${at}: _id is indexed by CloudBase already`);
    if (direction !== 1 && direction !== -1 && direction !== '2dsphere') problems.push(`${at}: direction ${JSON.stringify(direction)} of ${String(field)} must be 1, -1 or "2dsphere"`);
    if (keys.some((x) => x.field === field)) problems.push(`${at}: field ${String(field)} appears twice`);
    keys.push({ field: String(field), direction: direction as Direction });
  }
  const unique = raw.unique === true;
  if (raw.unique !== undefined && typeof raw.unique !== 'boolean') problems.push(`${at}: "unique" must be true or false`);
  if (unique && keys.some((k) => k.direction === '2dsphere')) problems.push(`${at}: a 2dsphere index cannot be unique`);
  return { name: raw.name, unique, keys };
}

/** `cloudfunctions/database.json`: collections, their permission and indexes. */
export function checkDatabase(spec: unknown, file = 'cloudfunctions/database.json'): { collections: CollectionDecl[]; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(spec) || !Array.isArray(spec.collections)) return { collections: [], problems: [`${file}: "collections" must be an array`] };
  const collections: CollectionDecl[] = [];
  for (const c of spec.collections as unknown[]) {
    if (!isObject(c) || typeof c.name !== 'string' || !COLLECTION_NAME.test(c.name)) {
      problems.push(`${file}: collection ${JSON.stringify(isObject(c) ? c.name : c)} needs a valid name`);
      continue;
    }
    const where = `${file}: collection ${c.name}`;
    if (collections.some((x) => x.name === c.name)) problems.push(`${where} is declared twice`);
    if (!PERMISSIONS.includes(c.permission as never)) {
      problems.push(`${where}: permission ${JSON.stringify(c.permission)} must be one of ${PERMISSIONS.join(', ')} (clients never read the database here: ADMINONLY)`);
    }
    const rawIndexes = c.indexes ?? [];
    if (!Array.isArray(rawIndexes)) problems.push(`${where}: "indexes" must be an array`);
    const indexes: IndexDecl[] = [];
    for (const raw of Array.isArray(rawIndexes) ? rawIndexes : []) {
      const index = checkIndex(where, raw, problems);
      if (!index) continue;
      if (indexes.some((i) => i.name === index.name)) problems.push(`${where}: index ${index.name} is declared twice`);
      const keyList = (i: IndexDecl) => i.keys.map((k) => `${k.field}:${k.direction}`).join(',');
      const same = indexes.find((i) => keyList(i) === keyList(index));
      if (same) problems.push(`${where}: indexes ${same.name} and ${index.name} have the same keys`);
      indexes.push(index);
    }
    if (indexes.length > MAX_INDEXES_PER_COLLECTION) problems.push(`${where}: ${indexes.length} indexes; CloudBase allows ${MAX_INDEXES_PER_COLLECTION} per collection`);
    collections.push({ name: c.name, permission: c.permission as CollectionDecl['permission'], indexes });
  }
  return { collections, problems };
}
