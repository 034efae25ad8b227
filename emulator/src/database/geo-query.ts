import { resolve } from 'mingo/util';
import { assert, EmulatorError } from '../errors';
import { isPlainObject, type Doc } from './ejson';
import { angleBetween, distanceMeters, EARTH_RADIUS_M, geometriesIn, intersects, pointOf, queryGeometry, toGeometry, withinCap, withinRegion, type Position } from './geo';
import { geoIndexFields } from './spec';
import type { IndexSpec } from './spec';

/**
 * Geo queries as the SDK sends them: `_.geoNear` → `{f: {$nearSphere: {$geometry, $maxDistance,
 * $minDistance}}}` (metres), `_.geoWithin` → `$geoWithin: {$geometry}` or `{$centerSphere: [[lng, lat],
 * radians]}`, `_.geoIntersects` → `$geoIntersects: {$geometry}`, and the aggregate `$geoNear` stage.
 * The query operators plug into mingo (operators.ts); the ordering by distance that `$nearSphere`
 * implies is done by the caller (`nearOf` + `sortByDistance`), since a query operator only filters.
 * Like MongoDB, `$nearSphere`/`$near` and `$geoNear` need a 2dsphere index on the field
 * ("unable to find index for $geoNear query"); `$geoWithin`/`$geoIntersects` work without one.
 */

type Predicate = (obj: Doc) => boolean;
const failed = (message: string): never => {
  throw new EmulatorError('DATABASE_REQUEST_FAILED', message);
};

interface NearSpec {
  point: Position;
  min: number;
  max: number;
}

function parseNear(op: string, value: unknown): NearSpec {
  if (!isPlainObject(value) || value.$geometry === undefined) failed(`${op}: only the GeoJSON form {$geometry: Point, $maxDistance, $minDistance} is supported`);
  const spec = value as Doc;
  const geometry = queryGeometry(spec.$geometry, op);
  const point = pointOf(geometry) ?? failed(`${op}: $geometry must be a Point`);
  const bound = (v: unknown, name: string, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    assert(typeof v === 'number' && v >= 0, 'DATABASE_REQUEST_FAILED', `${op}: ${name} must be a non-negative number`);
    return v;
  };
  return { point, min: bound(spec.$minDistance, '$minDistance', 0), max: bound(spec.$maxDistance, '$maxDistance', Infinity) };
}

/** Distance in metres from `point` to the nearest point value at `field` (undefined: no point there). */
function nearestDistance(doc: Doc, field: string, point: Position): number | undefined {
  let best: number | undefined;
  for (const g of geometriesIn(resolve(doc, field))) {
    const p = pointOf(g);
    if (!p) continue;
    const d = distanceMeters(p, point);
    if (best === undefined || d < best) best = d;
  }
  return best;
}

/** `$nearSphere` / `$near` as a filter: the document has a point within [min, max] metres. */
export function nearOperator(op: string) {
  return (selector: string, value: unknown): Predicate => {
    const near = parseNear(op, value);
    return (obj) => {
      const d = nearestDistance(obj, selector, near.point);
      return d !== undefined && d >= near.min && d <= near.max;
    };
  };
}

export function geoWithinOperator(selector: string, value: unknown): Predicate {
  if (!isPlainObject(value)) return failed('$geoWithin needs {$geometry} or {$centerSphere}');
  if (value.$geometry !== undefined) {
    const region = queryGeometry(value.$geometry, '$geoWithin');
    assert(region.type === 'Polygon' || region.type === 'MultiPolygon', 'DATABASE_REQUEST_FAILED', '$geoWithin: $geometry must be a Polygon or MultiPolygon');
    return (obj) => geometriesIn(resolve(obj, selector)).some((g) => withinRegion(g, region));
  }
  if (value.$centerSphere !== undefined) {
    const cs: unknown = value.$centerSphere;
    const center = Array.isArray(cs) ? toGeometry(cs[0]) : undefined;
    const radius: unknown = Array.isArray(cs) ? cs[1] : undefined;
    assert(center?.type === 'Point' && typeof radius === 'number' && radius >= 0, 'DATABASE_REQUEST_FAILED', '$geoWithin: $centerSphere takes [[lng, lat], radius in radians]');
    return (obj) => geometriesIn(resolve(obj, selector)).some((g) => withinCap(g, center.coordinates, radius));
  }
  return failed(`$geoWithin: unsupported shape ${Object.keys(value).join(', ')} (use $geometry or $centerSphere)`);
}

export function geoIntersectsOperator(selector: string, value: unknown): Predicate {
  const shape = queryGeometry(isPlainObject(value) ? value.$geometry : undefined, '$geoIntersects');
  return (obj) => geometriesIn(resolve(obj, selector)).some((g) => intersects(g, shape));
}

const NEAR_OPS = ['$nearSphere', '$near'];

/** The `$nearSphere`/`$near` of a filter (top level or in a top-level `$and`), which orders the result. */
export function nearOf(filter: Doc): { field: string; near: NearSpec } | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const found = isPlainObject(part) ? nearOf(part) : undefined;
        if (found) return found;
      }
    }
    if (key.startsWith('$') || !isPlainObject(value)) continue;
    const op = NEAR_OPS.find((o) => value[o] !== undefined);
    if (op) return { field: key, near: parseNear(op, value[op]) };
  }
  return undefined;
}

/** True when a `$near`-style operator appears anywhere in a filter (refused where MongoDB refuses it). */
export function mentionsNear(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsNear);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([k, v]) => NEAR_OPS.includes(k) || k === '$geoNear' || mentionsNear(v));
}

export function requireGeoIndex(indexes: IndexSpec[], collection: string, field: string): void {
  assert(geoIndexFields(indexes).includes(field), 'DATABASE_REQUEST_FAILED', `error processing query: ns=${collection}: unable to find index for $geoNear query (declare a 2dsphere index on "${field}" in database.json)`);
}

/** Documents ordered nearest first (stable), those without a point at `field` dropped. */
export function sortByDistance<T>(items: T[], docOf: (t: T) => Doc, field: string, point: Position): T[] {
  const withDistance = items.map((item, i) => ({ item, i, d: nearestDistance(docOf(item), field, point) }));
  return withDistance
    .filter((x) => x.d !== undefined)
    .sort((a, b) => (a.d as number) - (b.d as number) || a.i - b.i)
    .map((x) => x.item);
}

export interface GeoNearStage {
  key: string;
  query: Doc;
  run(docs: Doc[]): Doc[];
}

/** The aggregate `$geoNear` stage (first stage only, as in MongoDB). */
export function geoNearStage(spec: unknown, indexes: IndexSpec[], collection: string): GeoNearStage {
  if (!isPlainObject(spec)) return failed('$geoNear needs an object');
  const distanceField = spec.distanceField;
  assert(typeof distanceField === 'string' && distanceField.length > 0, 'DATABASE_REQUEST_FAILED', "$geoNear requires a 'distanceField' option as a String");
  const fields = geoIndexFields(indexes);
  let key = spec.key;
  if (key === undefined) {
    assert(fields.length > 0, 'DATABASE_REQUEST_FAILED', `$geoNear requires a 2d or 2dsphere index, but none were found (collection ${collection})`);
    assert(fields.length === 1, 'DATABASE_REQUEST_FAILED', `There is more than one 2dsphere index on ${collection}; unsure which to use for $geoNear (give key)`);
    key = fields[0];
  }
  assert(typeof key === 'string', 'DATABASE_REQUEST_FAILED', '$geoNear: key must be a string');
  requireGeoIndex(indexes, collection, key);
  const nearGeometry = toGeometry(spec.near);
  const point = pointOf(nearGeometry) ?? failed("$geoNear: 'near' must be a GeoJSON Point or a [lng, lat] pair");
  // A legacy pair with spherical:true measures in radians (MongoDB); GeoJSON always in metres.
  const legacy = Array.isArray(spec.near);
  const unit = legacy ? 1 / EARTH_RADIUS_M : 1;
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
  const min = typeof spec.minDistance === 'number' ? spec.minDistance : 0;
  const max = typeof spec.maxDistance === 'number' ? spec.maxDistance : Infinity;
  const includeLocs = typeof spec.includeLocs === 'string' ? spec.includeLocs : undefined;
  const query = isPlainObject(spec.query) ? spec.query : {};
  assert(!mentionsNear(query), 'DATABASE_REQUEST_FAILED', '$geoNear: the query may not contain $near or $nearSphere');
  return {
    key,
    query,
    run(docs) {
      const out: { doc: Doc; d: number; i: number }[] = [];
      docs.forEach((doc, i) => {
        const values = geometriesIn(resolve(doc, key)).map(pointOf).filter((p): p is Position => !!p);
        if (values.length === 0) return;
        const nearest = values.reduce((a, b) => (angleBetween(a, point) <= angleBetween(b, point) ? a : b));
        const d = distanceMeters(nearest, point) * unit;
        if (d < min || d > max) return;
        setPath(doc, distanceField, d * multiplier);
        if (includeLocs) setPath(doc, includeLocs, resolve(doc, key));
        out.push({ doc, d, i });
      });
      return out.sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.doc);
    },
  };
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Doc = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(target[part])) target[part] = {};
    target = target[part] as Doc;
  }
  target[parts[parts.length - 1]] = value;
}
