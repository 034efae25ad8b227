import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The built mini-program (`build/weapp`) as WeChat counts it: the main package is every file outside the
 * subpackage roots declared in app.json, each subpackage is the files under its root. Limits (WeChat docs):
 * 2 MB per package; this project keeps the main package under 1.5 MB so first opens stay fast. Every file is
 * counted, also the few the uploader would skip (e.g. *.LICENSE.txt), so the figures err on the safe side.
 */
export const MAIN_PACKAGE_BUDGET = 1.5 * 1024 * 1024;
export const SUBPACKAGE_BUDGET = 2 * 1024 * 1024;

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages?: string[] }[];
  subpackages?: { root: string; pages?: string[] }[];
  tabBar?: { list?: { pagePath: string }[] };
  __usePrivacyCheck__?: boolean;
}

export interface PackageSizes {
  main: number;
  subpackages: { root: string; bytes: number }[];
  total: number;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function readAppJson(weappDir: string): AppJson {
  return JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as AppJson;
}

const subpackagesOf = (app: AppJson) => app.subPackages ?? app.subpackages ?? [];
const rootOf = (root: string) => root.replace(/^\/+|\/+$/g, '');

export function measurePackages(weappDir: string): PackageSizes {
  const roots = subpackagesOf(readAppJson(weappDir)).map((s) => rootOf(s.root));
  const sizes = new Map(roots.map((r) => [r, 0]));
  let main = 0;
  for (const file of files(weappDir)) {
    const rel = relative(weappDir, file).split(sep).join('/');
    const bytes = statSync(file).size;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    if (root) sizes.set(root, (sizes.get(root) ?? 0) + bytes);
    else main += bytes;
  }
  const subpackages = roots.map((root) => ({ root, bytes: sizes.get(root) ?? 0 }));
  return { main, subpackages, total: main + subpackages.reduce((s, p) => s + p.bytes, 0) };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatSizes(sizes: PackageSizes): string {
  const lines = [`main package ${kib(sizes.main)} of ${kib(MAIN_PACKAGE_BUDGET)}`];
  for (const p of sizes.subpackages) lines.push(`subpackage ${p.root} ${kib(p.bytes)} of ${kib(SUBPACKAGE_BUDGET)}`);
  lines.push(`total ${kib(sizes.total)}`);
  return lines.join('\n');
}

export function budgetProblems(sizes: PackageSizes): string[] {
  const problems: string[] = [];
  if (sizes.main > MAIN_PACKAGE_BUDGET) problems.push(`build/weapp: the main package is ${kib(sizes.main)}, over the ${kib(MAIN_PACKAGE_BUDGET)} budget`);
  for (const p of sizes.subpackages) {
    if (p.bytes > SUBPACKAGE_BUDGET) problems.push(`build/weapp: subpackage ${p.root} is ${kib(p.bytes)}, over WeChat's ${kib(SUBPACKAGE_BUDGET)} limit`);
  }
  return problems;
}

/** app.json of the build: pages exist, tabBar pages are in the main package, the privacy check is declared. */
export function appJsonProblems(weappDir: string): string[] {
  if (!existsSync(join(weappDir, 'app.json'))) return ['build/weapp/app.json is missing (run npm run build:weapp)'];
  const app = readAppJson(weappDir);
  const problems: string[] = [];
  const main = app.pages ?? [];
  const sub = subpackagesOf(app).flatMap((s) => (s.pages ?? []).map((p) => `${rootOf(s.root)}/${p}`));
  for (const page of [...main, ...sub]) {
    if (!existsSync(join(weappDir, `${page}.js`))) problems.push(`build/weapp: page ${page} has no ${page}.js`);
  }
  for (const tab of app.tabBar?.list ?? []) {
    if (!main.includes(tab.pagePath)) problems.push(`build/weapp: tabBar page ${tab.pagePath} must be a main-package page (WeChat refuses tabBar pages in subpackages)`);
  }
  if (app.__usePrivacyCheck__ !== true) problems.push('build/weapp/app.json: "__usePrivacyCheck__": true is missing (client/src/app.config.ts)');
  return problems;
}
