#!/usr/bin/env node
// Draws the tab-bar icons (81×81 PNG, grey and red) into src/assets/tab/. Run once after changing a shape;
// the PNGs are committed. Shapes are signed-distance tests, supersampled 4×4 for smooth edges.
// Uses pngjs (already in the workspace for the emulator's QR codes).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 81;
const SAMPLES = 4;
const COLORS = { grey: [0x6b, 0x6b, 0x6b], red: [0xc8, 0x16, 0x1d] };
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');

const inPolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

// Coordinates on a 0..1 square.
const SHAPES = {
  home: (x, y) => {
    const roof = inPolygon(x, y, [[0.5, 0.1], [0.92, 0.48], [0.08, 0.48]]);
    const body = x >= 0.2 && x <= 0.8 && y >= 0.44 && y <= 0.88;
    const door = x >= 0.42 && x <= 0.58 && y >= 0.62 && y <= 0.88;
    return (roof || body) && !door;
  },
  mine: (x, y) => inEllipse(x, y, 0.5, 0.32, 0.19, 0.19) || (inEllipse(x, y, 0.5, 0.92, 0.38, 0.36) && y <= 0.88),
};

function draw(shape, [r, g, b]) {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
      const i = (py * SIZE + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(out, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  writeFileSync(join(out, `${name}.png`), draw(shape, COLORS.grey));
  writeFileSync(join(out, `${name}-active.png`), draw(shape, COLORS.red));
}
console.log(`tab icons written to ${out}`);
