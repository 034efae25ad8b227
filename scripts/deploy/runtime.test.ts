import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apisNewerThan, availableIn, nodeApisUsed } from './node-apis';
import { bundleTargetOf, runtimeProblems } from './plan';
import { checkFunctionsConfig, OFFERED_RUNTIMES } from './validate';

/**
 * The runtime check: cloudbaserc.json's runtime, esbuild's target and what the bundles use agree.
 * Nodejs20.19 is the newest CloudBase runtime on the Node line the code is developed and tested on (engines
 * ">=20", the emulator runs the functions on this machine's Node 20); 22 and 24 are offered but no test here
 * ever runs the functions on them.
 */
const ROOT = join(__dirname, '..', '..');
const FUNCTIONS = join(ROOT, 'build', 'cloudfunctions');
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; runtime: string }[] };
const names = rc.functions.map((f) => f.name);

beforeAll(() => {
  // `npm test` builds first; a unit run on a fresh clone builds the functions (a few seconds).
  if (!names.every((n) => existsSync(join(FUNCTIONS, n, 'index.js')))) execFileSync(process.execPath, [join(ROOT, 'cloudfunctions', 'build.mjs')], { stdio: 'inherit' });
});

describe('cloud function runtime', () => {
  it('is one offered runtime for every function, and the bundles are built for exactly it', () => {
    const { functions, problems } = checkFunctionsConfig(rc, names);
    expect(problems).toEqual([]);
    expect(new Set(functions.map((f) => f.runtime))).toEqual(new Set(['Nodejs20.19']));
    expect(OFFERED_RUNTIMES).toContain('Nodejs20.19');
    expect(bundleTargetOf(ROOT)).toBe('node20.19');
    expect(runtimeProblems(functions, bundleTargetOf(ROOT))).toEqual([]);
  });

  it('bundles use no Node API newer than Node 20.19 unless they test for it first', () => {
    const figures: string[] = [];
    for (const name of names) {
      const bundle = readFileSync(join(FUNCTIONS, name, 'index.js'), 'utf8');
      expect({ name, newer: apisNewerThan(bundle, '20.19') }).toEqual({ name, newer: [] });
      const used = nodeApisUsed(bundle).map((u) => `${u.name} ${u.since.join('/')}${u.guarded ? ' (feature-tested)' : ''}`);
      figures.push(`${name}: ${used.join(', ') || 'no API newer than Node 16'}`);
    }
    console.log(`Runtime check, Nodejs20.19 (esbuild target node20.19): Node APIs after 16 found in the bundles\n${figures.join('\n')}`);
  });
});

describe('the API scan catches what a runtime lacks', () => {
  it('knows backports: an API from 20.12/21.7 is in 20.19 and 22, not in 21.0 or 18.15', () => {
    expect(['20.19', '22.21', '21.7'].map((v) => availableIn(['20.12', '21.7'], v))).toEqual([true, true, true]);
    expect(['21.0', '18.15', '20.11'].map((v) => availableIn(['20.12', '21.7'], v))).toEqual([false, false, false]);
  });

  it('flags minified uses of newer globals, methods and module members, and spares feature-tested ones', () => {
    const bundle = [
      'const p=Promise.withResolvers();const g=Object.groupBy(a,b);x.toSorted((a,b)=>a-b);',
      'var Zq=require("node:crypto");function h(e){return(0,Zq.hash)("sha256",e)}',
      'var S=require("node:sqlite");',
      'typeof navigator<"u"&&navigator.userAgent',
    ].join('');
    expect(apisNewerThan(bundle, '20.19').map((u) => u.name).sort()).toEqual(['Object.groupBy', 'Promise.withResolvers', 'node:sqlite']);
    expect(apisNewerThan(bundle, '16.13').map((u) => u.name).sort()).toEqual(['.toSorted()', 'Object.groupBy', 'Promise.withResolvers', 'crypto.hash', 'node:sqlite']);
    expect(apisNewerThan(bundle, '24.11')).toEqual([]);
  });
});
