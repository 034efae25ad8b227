// Bundles the emulator with esbuild: build/emulator/main.js (the CLI) and build/emulator/worker.js
// (the worker-thread entry that runs one cloud-function instance). npm packages stay external.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'build', 'emulator');

export async function buildEmulator() {
  await build({
    entryPoints: { main: join(root, 'emulator', 'src', 'main.ts'), worker: join(root, 'emulator', 'src', 'functions', 'worker.ts') },
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildEmulator().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
