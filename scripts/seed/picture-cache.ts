import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Drawing the demo pictures takes a couple of seconds of CPU, and every test file that starts a seeded local
 * cloud seeds again: keep the PNGs in the system's temp folder, under a name that changes whenever the drawing
 * code does, so an edit to the pictures is never hidden by an old copy.
 */
const DRAWING_SOURCES = ['pictures.ts', 'raster.ts'].map((f) => join(__dirname, f));
const version = createHash('sha256')
  .update(DRAWING_SOURCES.map((f) => readFileSync(f)).join('\n'))
  .digest('hex')
  .slice(0, 16);
const folder = join(tmpdir(), `yanzhen-seed-pictures-${version}`);

export function cachedPicture(name: string, draw: () => Buffer): Buffer {
  const file = join(folder, `${name}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = draw();
    mkdirSync(folder, { recursive: true });
    // Write then rename: a seed running in parallel never reads a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    return png;
  }
}
