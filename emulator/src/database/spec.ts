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

export interface CollectionSpec {
  name: string;
  permission: string;
  indexes: IndexSpec[];
}

export interface DatabaseSpec {
  collections: CollectionSpec[];
}

export const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const INDEX_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** A dotted field path whose segments can be quoted inside a JSON path literal in SQL. */
const FIELD_PATH = /^[^.'"\\\s]+(\.[^.'"\\\s]+)*$/;

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
    const indexes = (c.indexes ?? []).map((ix): IndexSpec => {
      if (typeof ix.name !== 'string' || !INDEX_NAME.test(ix.name)) fail(specPath, `${c.name}: bad index name ${JSON.stringify(ix.name)}`);
      if (indexNames.has(ix.name)) fail(specPath, `${c.name}: index ${ix.name} declared twice`);
      indexNames.add(ix.name);
      if (!Array.isArray(ix.keys) || ix.keys.length === 0) fail(specPath, `${c.name}.${ix.name}: keys must be a non-empty array`);
      const keys = ix.keys.map((k): IndexKey => {
        if (typeof k.field !== 'string' || !FIELD_PATH.test(k.field)) fail(specPath, `${c.name}.${ix.name}: bad field ${JSON.stringify(k.field)}`);
        return { field: k.field, direction: k.direction === -1 ? -1 : 1 };
      });
      return { name: ix.name, unique: ix.unique === true, keys };
    });
    return { name: c.name, permission: typeof c.permission === 'string' ? c.permission : 'ADMINONLY', indexes };
  });
  return { collections };
}

/** A missing spec file means "no declared collections" (only created ones exist). */
export function readSpec(specPath: string): DatabaseSpec {
  if (!fs.existsSync(specPath)) return { collections: [] };
  return parseSpec(fs.readFileSync(specPath, 'utf8'), specPath);
}
