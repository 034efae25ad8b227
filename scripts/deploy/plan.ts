import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appJsonProblems, budgetProblems, formatSizes, kib, measurePackages, type PackageSizes } from './miniprogram';
import { apisNewerThan } from './node-apis';
import { functionConfigJson, openApiCalls } from './openapi';
import { checkDatabase, checkFunctionFolder, checkFunctionsConfig, type CollectionDecl, type FunctionDecl } from './validate';

/**
 * What `npm run deploy` would send, read from the declaration files and the builds, with every problem found.
 * Preparing also writes each function's `config.json` (its cloud-call permissions) into its built folder,
 * so the folder on disk is exactly what is uploaded.
 */
export interface PlannedFunction extends FunctionDecl {
  dir: string;
  bundleBytes: number;
  openapi: string[];
}

export interface DeployPlan {
  root: string;
  functions: PlannedFunction[];
  collections: CollectionDecl[];
  sizes: PackageSizes | null;
  /** esbuild's `target` in cloudfunctions/build.mjs. */
  bundleTarget: string | null;
  problems: string[];
}

function readJson(root: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return undefined;
  }
}

/** The esbuild target the bundles are built for, e.g. `node20.19`. */
export function bundleTargetOf(root: string): string | null {
  const source = readFileSync(join(root, 'cloudfunctions', 'build.mjs'), 'utf8');
  return /\btarget:\s*['"](node[\d.]+)['"]/.exec(source)?.[1] ?? null;
}

/** `Nodejs20.19` ↔ esbuild `node20.19`: the bundles must be built for the runtime they run on. */
export function runtimeProblems(functions: FunctionDecl[], target: string | null): string[] {
  const runtime = functions[0]?.runtime;
  if (!runtime) return [];
  const expected = `node${runtime.replace(/^Nodejs/, '')}`;
  return target === expected ? [] : [`cloudfunctions/build.mjs builds for ${String(target)} but cloudbaserc.json declares ${runtime}: set esbuild's target to '${expected}'`];
}

export function preparePlan(root: string): DeployPlan {
  const problems: string[] = [];
  const functionsDir = join(root, 'build', 'cloudfunctions');
  const built = existsSync(functionsDir) ? readdirSync(functionsDir).filter((n) => statSync(join(functionsDir, n)).isDirectory()) : [];
  if (built.length === 0) problems.push('build/cloudfunctions has no functions (run npm run build:functions)');
  const fnCheck = checkFunctionsConfig(readJson(root, 'cloudbaserc.json', problems), built);
  problems.push(...fnCheck.problems);
  const functions: PlannedFunction[] = [];
  for (const fn of fnCheck.functions) {
    const dir = join(functionsDir, fn.name);
    const folderProblems = checkFunctionFolder(dir, fn.name);
    problems.push(...folderProblems);
    if (folderProblems.length > 0 || !built.includes(fn.name)) continue;
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    const openapi = openApiCalls(bundle);
    const version = fn.runtime.replace(/^Nodejs/, '');
    for (const api of apisNewerThan(bundle, version)) {
      problems.push(`build/cloudfunctions/${fn.name}/index.js uses ${api.name} (Node ${api.since.join(' / ')}), which ${fn.runtime} lacks`);
    }
    writeFileSync(join(dir, 'config.json'), functionConfigJson(openapi));
    functions.push({ ...fn, dir, bundleBytes: Buffer.byteLength(bundle), openapi });
  }
  const bundleTarget = bundleTargetOf(root);
  problems.push(...runtimeProblems(fnCheck.functions, bundleTarget));
  const db = checkDatabase(readJson(root, 'cloudfunctions/database.json', problems));
  problems.push(...db.problems);
  const weappDir = join(root, 'build', 'weapp');
  const appProblems = appJsonProblems(weappDir);
  problems.push(...appProblems);
  const sizes = existsSync(join(weappDir, 'app.json')) ? measurePackages(weappDir) : null;
  if (sizes) problems.push(...budgetProblems(sizes));
  return { root, functions, collections: db.collections, sizes, bundleTarget, problems };
}

const keyText = (c: CollectionDecl) =>
  c.indexes.map((i) => `${i.name}(${i.keys.map((k) => `${k.field} ${k.direction}`).join(', ')}${i.unique ? ', unique' : ''})`).join('; ') || 'no indexes';

export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [];
  const runtime = plan.functions[0]?.runtime ?? '?';
  lines.push(`Cloud functions (runtime ${runtime}, bundles built for ${String(plan.bundleTarget)}; wx-server-sdk installed in the cloud):`);
  for (const f of plan.functions) {
    const env = Object.keys(f.envVariables).join(', ') || 'none';
    const triggers = f.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') || 'none';
    lines.push(`  ${f.name.padEnd(10)} index.js ${kib(f.bundleBytes)}, timeout ${f.timeout} s, memory ${f.memorySize} MB, env ${env}, timer ${triggers}, openapi ${f.openapi.join(', ') || 'none'}`);
  }
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  const geo = plan.collections.flatMap((c) => c.indexes.filter((i) => i.keys.some((k) => k.direction === '2dsphere')).map((i) => `${c.name}.${i.name}`));
  lines.push(`Database: ${plan.collections.length} collections, ${indexCount} indexes (2dsphere: ${geo.join(', ') || 'none'}):`);
  for (const c of plan.collections) lines.push(`  ${c.name.padEnd(16)} ${c.permission}: ${keyText(c)}`);
  lines.push('Mini-program build/weapp:');
  if (plan.sizes) lines.push(...formatSizes(plan.sizes).split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}
