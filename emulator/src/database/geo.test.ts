import { distanceMeters, intersects, queryGeometry, toGeometry, withinCap, withinRegion, type Geometry } from './geo';

const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const square: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]] };

describe('geometry', () => {
  it('reads GeoJSON and legacy pairs, and nothing else', () => {
    expect(toGeometry({ type: 'Point', coordinates: [1, 2] })).toEqual(point(1, 2));
    expect(toGeometry([1, 2])).toEqual(point(1, 2));
    expect(toGeometry({ type: 'Point', coordinates: ['1', 2] })).toBeUndefined();
    expect(toGeometry({ type: 'Circle', coordinates: [1, 2] })).toBeUndefined();
  });

  it('measures great-circle distances on MongoDB’s sphere (6378.1 km)', () => {
    expect(distanceMeters([0, 0], [0, 1])).toBeCloseTo((Math.PI / 180) * 6378100, 3);
    expect(distanceMeters([117, 36.65], [117, 36.65])).toBe(0);
  });

  it('tests containment with holes, and within a spherical cap', () => {
    expect(withinRegion(point(3, 3), square)).toBe(true);
    expect(withinRegion(point(1.5, 1.5), square)).toBe(false); // in the hole
    expect(withinRegion(point(5, 1), square)).toBe(false);
    expect(withinRegion({ type: 'LineString', coordinates: [[0.5, 1.5], [3.5, 1.5]] }, square)).toBe(false); // crosses the hole
    expect(withinRegion({ type: 'LineString', coordinates: [[0.5, 3], [3.5, 3]] }, square)).toBe(true);
    expect(withinCap(point(0, 0.5), [0, 0], (Math.PI / 180) * 0.6)).toBe(true);
    expect(withinCap(point(0, 0.7), [0, 0], (Math.PI / 180) * 0.6)).toBe(false);
  });

  it('tests intersection of points, lines and polygons', () => {
    const line: Geometry = { type: 'LineString', coordinates: [[-1, 3], [5, 3]] };
    expect(intersects(line, square)).toBe(true);
    expect(intersects({ type: 'LineString', coordinates: [[5, 5], [6, 6]] }, square)).toBe(false);
    expect(intersects(point(4, 2), square)).toBe(true); // on the boundary
    expect(intersects(point(2, 2), { type: 'MultiPoint', coordinates: [[2, 2], [3, 3]] })).toBe(true);
  });

  it('refuses malformed query shapes', () => {
    expect(() => queryGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] }, '$geoWithin')).toThrow(/not closed/);
    expect(() => queryGeometry({ type: 'Point', coordinates: [200, 0] }, '$geoIntersects')).toThrow(/out of bounds/);
    expect(() => queryGeometry('x', '$geoWithin')).toThrow(/GeoJSON/);
  });
});
