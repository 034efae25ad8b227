/**
 * Node APIs that appeared after Node 16, with the releases that brought them (Node changelogs; a backport to an
 * older line is listed too: `['20.12', '21.7']` = in 20.x from 20.12, and in every release from 21.7). esbuild lowers
 * syntax to the build target but cannot add missing APIs, so the bundles are scanned for these: a bundle that uses
 * one the runtime lacks would fail in the cloud only, at the first call that reaches it.
 */
export interface NodeApi {
  name: string;
  since: string[];
  /** How the API shows in a minified bundle (property names and globals survive minification). */
  pattern: RegExp;
}

const global = (name: string, since: string[], call = false): NodeApi => ({
  name,
  since,
  pattern: new RegExp(`(?<![.\\w$])${name.replace('.', '\\.')}${call ? '\\(' : '\\b'}`),
});
const method = (name: string, since: string[]): NodeApi => ({ name: `.${name}()`, since, pattern: new RegExp(`\\.${name}\\(`) });

export const NODE_APIS: NodeApi[] = [
  global('structuredClone', ['17.0']),
  global('fetch', ['18.0'], true),
  global('AbortSignal.timeout', ['16.14', '17.3']),
  global('AbortSignal.any', ['20.3']),
  global('URL.canParse', ['18.17', '19.9']),
  global('URL.parse', ['22.1']),
  global('navigator', ['21.0']),
  global('WebSocket', ['22.4']),
  global('Object.groupBy', ['21.0']),
  global('Map.groupBy', ['21.0']),
  global('Promise.withResolvers', ['22.0']),
  global('Array.fromAsync', ['22.0']),
  global('Iterator.from', ['22.0']),
  // A call only: bluebird (exceljs → unzipper) carries the text "calling Promise.try with more than 1 argument".
  global('Promise.try', ['23.0'], true),
  global('RegExp.escape', ['24.0']),
  global('Error.isError', ['24.0']),
  global('Float16Array', ['24.0']),
  global('URLPattern', ['24.0']),
  global('process.getBuiltinModule', ['20.16', '22.3']),
  global('process.loadEnvFile', ['20.12', '21.7']),
  method('findLast', ['18.0']),
  method('findLastIndex', ['18.0']),
  method('toSorted', ['20.0']),
  method('toReversed', ['20.0']),
  method('toSpliced', ['20.0']),
  method('isWellFormed', ['20.0']),
  method('toWellFormed', ['20.0']),
  method('symmetricDifference', ['22.0']),
  method('isSubsetOf', ['22.0']),
  method('isSupersetOf', ['22.0']),
  method('isDisjointFrom', ['22.0']),
];

/** Members of built-in modules, found through the binding of `require("node:<module>")`. */
export const MODULE_APIS: Record<string, Record<string, string[]>> = {
  crypto: { hash: ['20.12', '21.7'], getRandomValues: ['17.4'], subtle: ['17.4'] },
  util: { styleText: ['20.12', '21.7'], parseEnv: ['20.12', '21.7'], getCallSites: ['22.9'], aborted: ['19.7'], MIMEType: ['19.1'] },
  fs: { glob: ['22.0'], globSync: ['22.0'], openAsBlob: ['19.8'] },
  path: { matchesGlob: ['20.17', '22.5'] },
  zlib: { crc32: ['20.15', '22.2'] },
  module: { registerHooks: ['22.15', '23.5'] },
};

/** Built-in modules newer than Node 16. */
export const NEW_MODULES: Record<string, string[]> = { test: ['18.0'], sqlite: ['22.5'], sea: ['20.0'] };

const parse = (v: string) => v.split('.').map(Number) as [number, number];
const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

/** Is an API with these `since` releases in Node `version` (e.g. "20.19")? */
export function availableIn(since: string[], version: string): boolean {
  const v = parse(version);
  const sameLine = since.map(parse).find((s) => s[0] === v[0]);
  if (sameLine) return atLeast(v, sameLine);
  const newest = since.map(parse).sort((a, b) => (atLeast(a, b) ? -1 : 1))[0];
  return atLeast(v, newest);
}

/** `guarded`: the bundle tests for the API first (`typeof navigator < "u"`), so it runs without it. */
export interface ApiUse { name: string; since: string[]; guarded: boolean }

/** Every listed API a bundle uses. */
export function nodeApisUsed(bundle: string): ApiUse[] {
  const used: ApiUse[] = NODE_APIS.filter((api) => api.pattern.test(bundle)).map(({ name, since }) => ({
    name,
    since,
    guarded: bundle.includes(`typeof ${name}`),
  }));
  for (const m of bundle.matchAll(/(?:var|let|const)\s+([\w$]+)\s*=\s*require\("(?:node:)?([\w/]+)"\)/g)) {
    const [, binding, mod] = m;
    if (NEW_MODULES[mod]) used.push({ name: `node:${mod}`, since: NEW_MODULES[mod], guarded: false });
    const members = MODULE_APIS[mod] ?? {};
    const escaped = binding.replace(/\$/g, '\\$');
    for (const access of bundle.matchAll(new RegExp(`(?<![\\w$])${escaped}\\.([\\w$]+)`, 'g'))) {
      // Own keys only: a bundle's `crypto.constructor` must not find Object.prototype's members.
      const since = Object.prototype.hasOwnProperty.call(members, access[1]) ? members[access[1]] : undefined;
      if (since && !used.some((u) => u.name === `${mod}.${access[1]}`)) used.push({ name: `${mod}.${access[1]}`, since, guarded: false });
    }
  }
  return used;
}

/** The APIs of a bundle that Node `version` lacks and that the bundle does not test for first. */
export function apisNewerThan(bundle: string, version: string): ApiUse[] {
  return nodeApisUsed(bundle).filter((u) => !u.guarded && !availableIn(u.since, version));
}
