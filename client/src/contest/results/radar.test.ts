import { drawRadar, radarPoints, type RadarContext } from './radar';

/** A context that records what was drawn. */
function recorder() {
  const calls: string[] = [];
  const texts: string[] = [];
  const ctx = new Proxy({} as RadarContext & { texts: string[] }, {
    get: (_t, prop: string) => (prop === 'texts' ? texts : (...args: unknown[]) => {
      calls.push(prop);
      if (prop === 'fillText') texts.push(String(args[0]));
    }),
    set: () => true,
  });
  return { ctx, calls, texts };
}

describe('the radar chart', () => {
  it('puts the first axis straight up and scales each point by its share of the maximum', () => {
    const [top, right] = radarPoints([1, 0.5, 0, 0], 100, 100, 80);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(20);
    expect(right.x).toBeCloseTo(140);
    expect(right.y).toBeCloseTo(100);
  });
  it('clamps shares outside 0–1 and treats a missing score as 0', () => {
    const [over, none] = radarPoints([1.7, Number.NaN], 0, 0, 10);
    expect(Math.hypot(over.x, over.y)).toBeCloseTo(10);
    expect(Math.hypot(none.x, none.y)).toBeCloseTo(0);
  });
  it('draws rings, axes, every label and the contestant polygon', () => {
    const { ctx, calls, texts } = recorder();
    const labels = ['组织建设', '班子队伍', '阵地打造', '网格治理', '红色物业', '新业态党建'];
    const points = drawRadar(ctx, 300, 240, labels.map((label, i) => ({ label, share: 0.5 + i / 20 })));
    expect(texts).toEqual(labels);
    expect(points).toHaveLength(6);
    expect(calls.filter((c) => c === 'stroke').length).toBe(4 + 6 + 1);
    expect(calls.filter((c) => c === 'fill').length).toBe(1 + 6);
  });
});
