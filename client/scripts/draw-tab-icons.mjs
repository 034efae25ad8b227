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

const nearSegment = (x, y, x1, y1, x2, y2, r) => {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= r * r;
};
const STAR = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 0.44 : 0.18;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [0.5 + r * Math.cos(a), 0.54 + r * Math.sin(a)];
});

// Coordinates on a 0..1 square.
const SHAPES = {
  home: (x, y) => {
    const roof = inPolygon(x, y, [[0.5, 0.1], [0.92, 0.48], [0.08, 0.48]]);
    const body = x >= 0.2 && x <= 0.8 && y >= 0.44 && y <= 0.88;
    const door = x >= 0.42 && x <= 0.58 && y >= 0.62 && y <= 0.88;
    return (roof || body) && !door;
  },
  // 风采: a five-pointed star (a secretary's shining moment).
  showcases: (x, y) => inPolygon(x, y, STAR),
  // 投票: a ballot with a tick going into a box.
  contest: (x, y) => {
    const box = x >= 0.1 && x <= 0.9 && y >= 0.52 && y <= 0.9;
    const slot = x >= 0.24 && x <= 0.76 && y >= 0.52 && y <= 0.6;
    const ballot = x >= 0.28 && x <= 0.72 && y >= 0.08 && y <= 0.56;
    const tick = nearSegment(x, y, 0.37, 0.32, 0.47, 0.42, 0.045) || nearSegment(x, y, 0.47, 0.42, 0.64, 0.2, 0.045);
    return ((box && !slot) || ballot) && !tick;
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
