import { assert } from '../errors';
import { isPlainObject } from './ejson';

/**
 * Geometry for the geo query operators (`$nearSphere`, `$geoWithin`, `$geoIntersects`) and the
 * `$geoNear` stage. Values are GeoJSON as the SDK writes `db.Geo.*` (`{type:'Point', coordinates:[lng,
 * lat]}`); legacy `[lng, lat]` pairs are read as points too. Distances are great-circle distances on
 * MongoDB's sphere (radius 6378.1 km, its `kRadiusOfEarthInMeters`). Containment and intersection are
 * computed in the longitude/latitude plane (MongoDB uses geodesic edges): the same answer for the
 * city-sized shapes this product uses, slightly different for edges spanning hundreds of km.
 */

export const EARTH_RADIUS_M = 6378.1 * 1000;

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Number.isFinite(v[0]) && Number.isFinite(v[1]);
}

const DEPTH: Record<Geometry['type'], number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

function hasDepth(v: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(v);
  return Array.isArray(v) && v.every((x) => hasDepth(x, depth - 1));
}

/** A stored value as geometry: GeoJSON of a known type, or a legacy `[lng, lat]` pair; else undefined. */
export function toGeometry(v: unknown): Geometry | undefined {
  if (isPosition(v) && v.length === 2) return { type: 'Point', coordinates: [v[0], v[1]] };
  if (!isPlainObject(v) || typeof v.type !== 'string' || !(v.type in DEPTH)) return undefined;
  const type = v.type as Geometry['type'];
  return hasDepth(v.coordinates, DEPTH[type]) ? ({ type, coordinates: v.coordinates } as Geometry) : undefined;
}

/** A geometry given in a query: must be valid GeoJSON (MongoDB refuses malformed shapes). */
export function queryGeometry(v: unknown, op: string): Geometry {
  const g = isPlainObject(v) ? toGeometry(v) : undefined;
  assert(g, 'DATABASE_REQUEST_FAILED', `${op}: $geometry must be a GeoJSON Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon`);
  for (const ring of rings(g)) {
    const [first, last] = [ring[0], ring[ring.length - 1]];
    assert(ring.length >= 4 && first[0] === last[0] && first[1] === last[1], 'DATABASE_REQUEST_FAILED', `${op}: Loop is not closed, first vertex does not equal last vertex (a ring needs at least 4 positions)`);
  }
  for (const p of positions(g)) assert(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90, 'DATABASE_REQUEST_FAILED', `${op}: longitude/latitude is out of bounds: [${p[0]}, ${p[1]}]`);
  return g;
}

/** Values at a field that count as geometries: the value itself, or each element of an array of shapes. */
export function geometriesIn(v: unknown): Geometry[] {
  const g = toGeometry(v);
  if (g) return [g];
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => (Array.isArray(x) && !isPosition(x) ? [] : geometriesIn(x)));
}

function rad(deg: number): number {
  return (deg * Math.PI) / 180;
}

/** Great-circle angle between two positions, in radians (haversine). */
export function angleBetween(a: Position, b: Position): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceMeters(a: Position, b: Position): number {
  return angleBetween(a, b) * EARTH_RADIUS_M;
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

function rings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

type Segment = [Position, Position];

function segments(g: Geometry): Segment[] {
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : rings(g);
  return lines.flatMap((line) => line.slice(1).map((p, i): Segment => [line[i], p]));
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: Position, [a, b]: Segment): boolean {
  return cross(a, b, p) === 0 && Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsCross(s: Segment, t: Segment): boolean {
  const d1 = cross(t[0], t[1], s[0]);
  const d2 = cross(t[0], t[1], s[1]);
  const d3 = cross(s[0], s[1], t[0]);
  const d4 = cross(s[0], s[1], t[1]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return onSegment(s[0], t) || onSegment(s[1], t) || onSegment(t[0], s) || onSegment(t[1], s);
}

/** Ray casting; a point on the outer boundary counts as inside, a point inside a hole does not. */
function inPolygon(p: Position, polygon: Position[][]): boolean {
  const inRing = (ring: Position[]): boolean => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (onSegment(p, [ring[j], ring[i]])) return true;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const [outer, ...holes] = polygon;
  return inRing(outer) && !holes.some((h) => inRing(h) && !h.slice(1).some((_, i) => onSegment(p, [h[i], h[i + 1]])));
}

function inAnyPolygon(p: Position, region: Geometry): boolean {
  return polygons(region).some((poly) => inPolygon(p, poly));
}

/** `$geoWithin: {$geometry}`: every position of `g` lies in the (Multi)Polygon `region`. */
export function withinRegion(g: Geometry, region: Geometry): boolean {
  return positions(g).every((p) => inAnyPolygon(p, region)) && (g.type === 'Point' || g.type === 'MultiPoint' || !segments(g).some((s) => segments(region).some((t) => segmentsCrossProperly(s, t))));
}

function segmentsCrossProperly(s: Segment, t: Segment): boolean {
  const d1 = cross(t[0], t[1], s[0]);
  const d2 = cross(t[0], t[1], s[1]);
  const d3 = cross(s[0], s[1], t[0]);
  const d4 = cross(s[0], s[1], t[1]);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** `$geoWithin: {$centerSphere: [[lng, lat], radians]}`: every position within the spherical cap. */
export function withinCap(g: Geometry, center: Position, radians: number): boolean {
  return positions(g).every((p) => angleBetween(p, center) <= radians);
}

/** `$geoIntersects`: the shapes share at least one point. */
export function intersects(a: Geometry, b: Geometry): boolean {
  const touches = (x: Geometry, y: Geometry): boolean =>
    positions(x).some((p) => inAnyPolygon(p, y) || segments(y).some((s) => onSegment(p, s)) || ((y.type === 'Point' || y.type === 'MultiPoint') && positions(y).some((q) => q[0] === p[0] && q[1] === p[1])));
  if (touches(a, b) || touches(b, a)) return true;
  return segments(a).some((s) => segments(b).some((t) => segmentsCross(s, t)));
}

/** The point a distance is measured from (for `$near`-style operators): a Point geometry's position. */
export function pointOf(g: Geometry | undefined): Position | undefined {
  return g?.type === 'Point' ? g.coordinates : undefined;
}
