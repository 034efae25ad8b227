import { PNG } from 'pngjs';

/**
 * A tiny flat-colour rasteriser for the demo pictures (drawn, not photographed: no real people). Shapes are
 * painted in order, each over its bounding box only, with 3×3 samples per pixel for smooth edges; the result is
 * a PNG of a few kilobytes, since flat colours compress well.
 */
export type Rgb = readonly [number, number, number];

export const hex = (value: string): Rgb => {
  const n = Number.parseInt(value.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** A shape: a bounding box in pixels, an inside test and, where it is cheap, the exact share of a pixel it covers. */
export interface Shape {
  box: [x0: number, y0: number, x1: number, y1: number];
  inside(x: number, y: number): boolean;
  coverage?(px: number, py: number): number;
}

const SAMPLES = 3;

export class Picture {
  private readonly png: PNG;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.png = new PNG({ width, height });
    for (let i = 0; i < width * height; i++) this.png.data.set([...background, 255], i * 4);
  }

  /** Paints `shape` in `color` at `opacity` (0..1), blending edge pixels by how much of them it covers. */
  fill(shape: Shape, color: Rgb, opacity = 1): this {
    const [bx0, by0, bx1, by1] = shape.box;
    const x0 = Math.max(0, Math.floor(bx0));
    const y0 = Math.max(0, Math.floor(by0));
    const x1 = Math.min(this.width, Math.ceil(bx1));
    const y1 = Math.min(this.height, Math.ceil(by1));
    const data = this.png.data;
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        const covered = shape.coverage ? shape.coverage(px, py) : sampled(shape, px, py);
        if (covered === 0) continue;
        const a = opacity * covered;
        const i = (py * this.width + px) * 4;
        for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c] * (1 - a) + color[c] * a);
      }
    }
    return this;
  }

  toPng(): Buffer {
    return PNG.sync.write(this.png, { colorType: 2 });
  }
}

/**
 * The share of pixel (px, py) inside `shape`: the centre and corners first, and 3×3 samples only where they
 * disagree (an edge runs through the pixel). Shapes here are never thinner than a pixel.
 */
function sampled(shape: Shape, px: number, py: number): number {
  const probes = [shape.inside(px + 0.5, py + 0.5), shape.inside(px + 0.05, py + 0.05), shape.inside(px + 0.95, py + 0.05), shape.inside(px + 0.05, py + 0.95), shape.inside(px + 0.95, py + 0.95)];
  if (probes.every(Boolean)) return 1;
  if (!probes.some(Boolean)) return 0;
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) for (let sx = 0; sx < SAMPLES; sx++) if (shape.inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
  return hits / (SAMPLES * SAMPLES);
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

export const rect = (x: number, y: number, w: number, h: number): Shape => ({
  box: [x, y, x + w, y + h],
  inside: (px, py) => px >= x && px <= x + w && py >= y && py <= y + h,
  coverage: (px, py) => overlap(px, px + 1, x, x + w) * overlap(py, py + 1, y, y + h),
});

export const roundRect = (x: number, y: number, w: number, h: number, r: number): Shape => ({
  box: [x, y, x + w, y + h],
  inside: (px, py) => {
    if (px < x || px > x + w || py < y || py > y + h) return false;
    const dx = Math.max(x + r - px, 0, px - (x + w - r));
    const dy = Math.max(y + r - py, 0, py - (y + h - r));
    return dx * dx + dy * dy <= r * r;
  },
});

export const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({
  box: [cx - rx, cy - ry, cx + rx, cy + ry],
  inside: (px, py) => ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1,
});

export const circle = (cx: number, cy: number, r: number): Shape => ellipse(cx, cy, r, r);

export const polygon = (points: [number, number][]): Shape => {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    inside: (px, py) => {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
};

/** A thick line from (x1, y1) to (x2, y2) with round ends. */
export const line = (x1: number, y1: number, x2: number, y2: number, width: number): Shape => {
  const r = width / 2;
  const [dx, dy] = [x2 - x1, y2 - y1];
  const len2 = dx * dx + dy * dy || 1;
  return {
    box: [Math.min(x1, x2) - r, Math.min(y1, y2) - r, Math.max(x1, x2) + r, Math.max(y1, y2) + r],
    inside: (px, py) => {
      const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
      return (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2 <= r * r;
    },
  };
};

/** Only the part of `shape` that is also inside `clip`. */
export const within = (shape: Shape, clip: Shape): Shape => ({
  box: [Math.max(shape.box[0], clip.box[0]), Math.max(shape.box[1], clip.box[1]), Math.min(shape.box[2], clip.box[2]), Math.min(shape.box[3], clip.box[3])],
  inside: (px, py) => shape.inside(px, py) && clip.inside(px, py),
});

/** `shape` minus `hole`. */
export const without = (shape: Shape, hole: Shape): Shape => ({
  box: shape.box,
  inside: (px, py) => shape.inside(px, py) && !hole.inside(px, py),
});

