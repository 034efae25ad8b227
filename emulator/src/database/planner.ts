import { isPlainObject, type Doc } from './ejson';
import { isObjectId, rowKeyOf } from './ids';
import type { IndexSpec } from './spec';

/**
 * Index planning: which rows SQLite should hand to mingo for a filter. The plan only narrows the
 * candidates (mingo still decides what matches), so it must never drop a document that could match:
 * an index is used only for equality on scalars, and never once a document holding an array on one of
 * its paths was written (a "multikey" path: MongoDB matches array elements, json_extract cannot).
 */

/** The value an index expression yields for missing fields and JSON null (MongoDB indexes both as null). */
export const NULL_KEY = Buffer.from([0]);

export type SqlValue = string | number | Buffer;

export type Plan =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'index'; index: IndexSpec; fields: string[]; values: SqlValue[] }
  | { kind: 'scan' };

/** `a.b` → `'$."a"."b"'` (field paths are validated by the spec parser: no quotes or backslashes). */
export function jsonPathLiteral(field: string): string {
  return `'$.${field.split('.').map((s) => `"${s}"`).join('.')}'`;
}

/**
 * The SQL expression indexed for a field. Missing and null share a BLOB key (json_extract never yields
 * a BLOB), so a unique index treats two documents without the field as duplicates, as MongoDB does.
 */
export function indexExpr(field: string): string {
  return `ifnull(json_extract(data, ${jsonPathLiteral(field)}), x'00')`;
}

/** The candidate lookup of an `index` plan: equality on the indexed expressions, in insertion order. */
export function indexLookupSql(table: string, fields: string[]): string {
  const where = fields.map((f) => `${indexExpr(f)} = ?`).join(' AND ');
  return `SELECT id, data, version FROM "${table}" WHERE ${where} ORDER BY seq`;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** json_extract yields 1/0 for true/false; both sides must agree. */
function toSqlValue(value: Scalar): SqlValue {
  if (value === null) return NULL_KEY;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

interface Constraints {
  equal: Map<string, Scalar>;
  /** `_id` equality (any type): its row key, or null when no document can have that `_id`. */
  id?: string | null;
  /** `_id: {$in: […]}`: the row keys of the listed values that can be ids. */
  idIn?: string[];
}

/** Row keys live in the `id` column (ids.ts): strings as is, numbers and ObjectIds tagged. */
function idKey(value: unknown): string | null {
  return rowKeyOf(value) ?? null;
}

function isIdValue(value: unknown): boolean {
  return isScalar(value) || isObjectId(value);
}

/** Equalities every matching document must satisfy: top-level fields and members of a top-level $and. */
function collectConstraints(filter: Doc, into: Constraints): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectConstraints(part, into);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (key === '_id') {
      collectId(value, into);
      continue;
    }
    if (isScalar(value)) into.equal.set(key, value);
    else if (isPlainObject(value)) {
      const ops = Object.keys(value);
      if (ops.length === 1 && ops[0] === '$eq' && isScalar(value.$eq)) into.equal.set(key, value.$eq);
    }
  }
}

/**
 * `_id` never holds an array, so equality is exact: a scalar or ObjectId maps to one row key (or to
 * none: `_id: true` matches nothing). `$in` over such values maps to their keys; a RegExp in the list
 * (which matches by pattern) leaves the plan to a scan.
 */
function collectId(value: unknown, into: Constraints): void {
  const eq = isPlainObject(value) && Object.keys(value).length === 1 && '$eq' in value ? value.$eq : value;
  if (isIdValue(eq)) {
    into.id = idKey(eq);
    return;
  }
  if (isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.$in) && value.$in.every(isIdValue)) {
    into.idIn = value.$in.map(idKey).filter((k): k is string => k !== null);
  }
}

export function planQuery(filter: Doc, indexes: IndexSpec[], multikeyPaths: ReadonlySet<string>): Plan {
  const constraints: Constraints = { equal: new Map() };
  collectConstraints(filter, constraints);
  if (constraints.id !== undefined) return { kind: 'ids', ids: constraints.id === null ? [] : [constraints.id] };
  if (constraints.idIn) return { kind: 'ids', ids: [...new Set(constraints.idIn)] };

  let best: Plan = { kind: 'scan' };
  let bestLength = 0;
  for (const index of indexes) {
    const fields: string[] = [];
    const values: SqlValue[] = [];
    for (const key of index.keys) {
      if (!constraints.equal.has(key.field) || touchesMultikey(key.field, multikeyPaths)) break;
      fields.push(key.field);
      values.push(toSqlValue(constraints.equal.get(key.field) as Scalar));
    }
    // Prefer the longest usable prefix; on a tie, a unique index (at most one row per full key).
    const better = fields.length > bestLength || (fields.length === bestLength && fields.length > 0 && index.unique && fields.length === index.keys.length);
    if (better) {
      best = { kind: 'index', index, fields, values };
      bestLength = fields.length;
    }
  }
  return best;
}

/** A path is unusable when it or any of its prefixes was seen holding an array. */
function touchesMultikey(field: string, multikeyPaths: ReadonlySet<string>): boolean {
  if (multikeyPaths.size === 0) return false;
  const parts = field.split('.');
  for (let i = 1; i <= parts.length; i++) if (multikeyPaths.has(parts.slice(0, i).join('.'))) return true;
  return false;
}

/** Paths (the field and its prefixes) at which `doc` holds an array, for the fields given. */
export function arrayPathsIn(doc: Doc, fields: Iterable<string>): string[] {
  const found: string[] = [];
  for (const field of fields) {
    let value: unknown = doc;
    const parts = field.split('.');
    for (let i = 0; i < parts.length; i++) {
      if (!isPlainObject(value)) break;
      value = value[parts[i]];
      if (Array.isArray(value)) {
        found.push(parts.slice(0, i + 1).join('.'));
        break;
      }
    }
  }
  return found;
}
