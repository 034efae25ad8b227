// Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into a deployable folder
// build/cloudfunctions/<name>/{index.js,package.json}; wx-server-sdk stays external, as CloudBase installs it.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const sourceDir = join(root, 'cloudfunctions');
const outDir = join(root, 'build', 'cloudfunctions');
const sdkVersion = JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')).dependencies['wx-server-sdk'];

export function functionNames() {
  return readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name);
}

function writeAtomically(path, contents) {
  writeFileSync(`${path}.tmp`, contents);
  renameSync(`${path}.tmp`, path);
}

export async function buildFunctions() {
  const names = functionNames();
  // A function whose source is gone is not deployed any more.
  if (existsSync(outDir)) for (const old of readdirSync(outDir)) if (!names.includes(old)) rmSync(join(outDir, old), { recursive: true, force: true });
  await Promise.all(
    names.map(async (name) => {
      const target = join(outDir, name);
      mkdirSync(target, { recursive: true });
      const result = await build({
        entryPoints: [join(sourceDir, name, 'index.ts')],
        outfile: join(target, 'index.js'),
        write: false,
        bundle: true,
        platform: 'node',
        target: 'node20.19', // = cloudbaserc.json runtime Nodejs20.19 (scripts/deploy/runtime.test.ts checks both)
        format: 'cjs',
        external: ['wx-server-sdk'],
        alias: { '@yanzhen/domain': join(root, 'domain', 'src', 'index.ts') },
        minify: true, // zod brings ~0.7 MB unminified; smaller bundles load faster in each new worker
        keepNames: true,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      });
      // Replace files by rename, so a running emulator never loads a half-written bundle.
      writeAtomically(join(target, 'index.js'), result.outputFiles[0].contents);
      const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } };
      writeAtomically(join(target, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    }),
  );
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const names = await buildFunctions();
  console.log(`built ${names.length} cloud functions (${names.join(', ')}) into build/cloudfunctions in ${Date.now() - started} ms`);
}
