import fs from 'node:fs';

/**
 * `cloudfunctions/database.json`: the declared collections, their indexes and permissions. Deployment
 * reuses the same file, so its format is fixed; extra keys (e.g. "comment") are ignored.
 */
export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  unique: boolean;
  keys: IndexKey[];
}

/** A `2dsphere` index (`{"field": "location", "direction": "2dsphere"}`): used by geo queries only. */
export interface GeoIndexSpec {
  name: string;
  field: string;
}

export interface CollectionSpec {
  name: string;
  permission: string;
  /** Scalar indexes: the store builds SQLite expression indexes from these. */
  indexes: IndexSpec[];
  /** Geo indexes, kept out of `indexes` (json_extract cannot index GeoJSON usefully). */
  geoIndexes?: GeoIndexSpec[];
}

export interface DatabaseSpec {
  collections: CollectionSpec[];
}

export const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const INDEX_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** A dotted field path whose segments can be quoted inside a JSON path literal in SQL. */
const FIELD_PATH = /^[^.'"\\\s]+(\.[^.'"\\\s]+)*$/;

interface RawIndex {
  name?: unknown;
  unique?: unknown;
  keys?: { field?: unknown; direction?: unknown }[];
}

/**
 * The 2dsphere fields of a collection, found from its scalar `indexes` array: the store keeps that array
 * (as `Collection.indexes`) without knowing about geo indexes, so operations look the geo fields up by
 * it. A collection created at run time has a fresh array, hence no geo index (as in CloudBase, where
 * indexes are declared separately from `createCollection`).
 */
const geoFieldsByIndexes = new WeakMap<IndexSpec[], string[]>();

function registerGeoIndexes(indexes: IndexSpec[], geoIndexes: GeoIndexSpec[]): void {
  if (geoIndexes.length > 0) geoFieldsByIndexes.set(indexes, geoIndexes.map((g) => g.field));
}

/** The fields with a 2dsphere index, given the collection's `indexes` array. */
export function geoIndexFields(indexes: IndexSpec[]): string[] {
  return geoFieldsByIndexes.get(indexes) ?? [];
}

function fail(specPath: string, message: string): never {
  throw new Error(`${specPath}: ${message}`);
}

export function parseSpec(text: string, specPath = 'database spec'): DatabaseSpec {
  const raw = JSON.parse(text) as { collections?: unknown };
  if (!Array.isArray(raw.collections)) fail(specPath, '"collections" must be an array');
  const seen = new Set<string>();
  const collections = raw.collections.map((entry: unknown): CollectionSpec => {
    const c = entry as Partial<CollectionSpec>;
    if (typeof c.name !== 'string' || !COLLECTION_NAME.test(c.name)) fail(specPath, `bad collection name ${JSON.stringify(c.name)}`);
    if (seen.has(c.name)) fail(specPath, `collection ${c.name} declared twice`);
    seen.add(c.name);
    const indexNames = new Set<string>();
    const indexes: IndexSpec[] = [];
    const geoIndexes: GeoIndexSpec[] = [];
    for (const ix of (c.indexes ?? []) as RawIndex[]) {
      if (typeof ix.name !== 'string' || !INDEX_NAME.test(ix.name)) fail(specPath, `${c.name}: bad index name ${JSON.stringify(ix.name)}`);
      if (indexNames.has(ix.name)) fail(specPath, `${c.name}: index ${ix.name} declared twice`);
      indexNames.add(ix.name);
      if (!Array.isArray(ix.keys) || ix.keys.length === 0) fail(specPath, `${c.name}.${ix.name}: keys must be a non-empty array`);
      for (const k of ix.keys) {
        if (typeof k.field !== 'string' || !FIELD_PATH.test(k.field)) fail(specPath, `${c.name}.${ix.name}: bad field ${JSON.stringify(k.field)}`);
        if (k.direction !== 1 && k.direction !== -1 && k.direction !== '2dsphere' && k.direction !== undefined) fail(specPath, `${c.name}.${ix.name}: direction must be 1, -1 or "2dsphere"`);
      }
      // A compound index with a 2dsphere key serves geo queries on that key; its other keys are ignored.
      const geoKeys = ix.keys.filter((k) => k.direction === '2dsphere');
      if (geoKeys.length > 0) {
        if (ix.unique === true) fail(specPath, `${c.name}.${ix.name}: a 2dsphere index cannot be unique`);
        for (const k of geoKeys) geoIndexes.push({ name: ix.name, field: k.field as string });
        continue;
      }
      indexes.push({ name: ix.name, unique: ix.unique === true, keys: ix.keys.map((k): IndexKey => ({ field: k.field as string, direction: k.direction === -1 ? -1 : 1 })) });
    }
    registerGeoIndexes(indexes, geoIndexes);
    return { name: c.name, permission: typeof c.permission === 'string' ? c.permission : 'ADMINONLY', indexes, geoIndexes };
  });
  return { collections };
}

/** A missing spec file means "no declared collections" (only created ones exist). */
export function readSpec(specPath: string): DatabaseSpec {
  if (!fs.existsSync(specPath)) return { collections: [] };
  return parseSpec(fs.readFileSync(specPath, 'utf8'), specPath);
}
