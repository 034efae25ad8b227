/**
 * The six-dimension radar chart, drawn on any 2D canvas context (weapp Canvas 2D, H5 <canvas>): geometry and
 * drawing here, without Taro, so that they are unit-tested; RadarChart.tsx finds the canvas and calls `drawRadar`.
 */

/** The slice of CanvasRenderingContext2D the chart uses (both platforms provide it). */
export interface RadarContext {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fillText(text: string, x: number, y: number): void;
}

export interface RadarAxis {
  label: string;
  /** The score as a share of the dimension's maximum, 0–1 (clamped). */
  share: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Axis k of n points up first, then clockwise. */
export const axisAngle = (k: number, n: number): number => -Math.PI / 2 + (2 * Math.PI * k) / n;

/** The polygon of the shares around (cx, cy) with radius r. */
export function radarPoints(shares: readonly number[], cx: number, cy: number, r: number): Point[] {
  return shares.map((s, k) => {
    const len = r * Math.min(1, Math.max(0, Number.isFinite(s) ? s : 0));
    const a = axisAngle(k, shares.length);
    return { x: cx + len * Math.cos(a), y: cy + len * Math.sin(a) };
  });
}

function polygon(ctx: RadarContext, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

export const RADAR_COLORS = { grid: '#D9CFC9', axis: '#C9BDB6', label: '#4A4A4A', line: '#C8161D', area: 'rgba(200, 22, 29, 0.22)' };

/** Rings at 25/50/75/100 %, the axes, their labels, and the contestant's polygon with a dot per axis. */
export function drawRadar(ctx: RadarContext, width: number, height: number, axes: readonly RadarAxis[], fontPx = 12): Point[] {
  const cx = width / 2;
  const cy = height / 2;
  // Room for the labels around the chart: a line of text above and below, the longest label at the sides.
  const r = Math.max(10, Math.min(width / 2 - fontPx * 4.5, height / 2 - fontPx * 1.8));
  const n = axes.length;
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 1;
  ctx.strokeStyle = RADAR_COLORS.grid;
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    polygon(ctx, radarPoints(Array<number>(n).fill(ring), cx, cy, r));
    ctx.stroke();
  }
  ctx.strokeStyle = RADAR_COLORS.axis;
  for (const p of radarPoints(Array<number>(n).fill(1), cx, cy, r)) {
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
  ctx.fillStyle = RADAR_COLORS.label;
  ctx.font = `${fontPx}px sans-serif`;
  axes.forEach((axis, k) => {
    const a = axisAngle(k, n);
    const x = cx + (r + fontPx * 0.6) * Math.cos(a);
    const y = cy + (r + fontPx * 0.6) * Math.sin(a);
    ctx.textAlign = Math.abs(Math.cos(a)) < 0.2 ? 'center' : Math.cos(a) > 0 ? 'left' : 'right';
    ctx.textBaseline = Math.abs(Math.sin(a)) < 0.2 ? 'middle' : Math.sin(a) > 0 ? 'top' : 'bottom';
    ctx.fillText(axis.label, x, y);
  });
  const points = radarPoints(axes.map((a) => a.share), cx, cy, r);
  ctx.fillStyle = RADAR_COLORS.area;
  ctx.strokeStyle = RADAR_COLORS.line;
  ctx.lineWidth = 2;
  polygon(ctx, points);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = RADAR_COLORS.line;
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 3, 0, 2 * Math.PI);
    ctx.fill();
  }
  return points;
}

/** Short axis labels: the full names (e.g. 新业态新就业群体党建) do not fit around a phone-sized chart. */
export const SHORT_DIMENSION_LABELS: Record<string, string> = {
  organization: '组织建设',
  team: '班子队伍',
  position: '阵地打造',
  grid: '网格治理',
  property: '红色物业',
  newGroups: '新业态党建',
};
