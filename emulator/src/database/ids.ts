import { ObjectId } from 'bson';
import { assert } from '../errors';

/**
 * Document ids. A CloudBase `_id` may be a string (what `add()` generates), a number or an ObjectId
 * (`db._db.ObjectId({id})` in wx-server-sdk, or documents imported from MongoDB). The SQLite row id
 * column is TEXT, so every `_id` has one canonical row key:
 * - a string is its own key (existing data and the planner's id lookups stay plain strings);
 * - a number is `"\u0000n:" + String(n)` (int32, double and int64 forms of one value share the key, as
 *   MongoDB's _id index treats 5, 5.0 and NumberLong(5) as equal);
 * - an ObjectId is `"\u0000o:" + hex`.
 * String ids starting with NUL are refused, so no string id can collide with a tagged key.
 * The stored document keeps the real `_id`; only the row key is encoded.
 */

export type DocumentId = string | number | ObjectId;

const TAG = '\u0000';

export function isObjectId(value: unknown): value is ObjectId {
  return value instanceof ObjectId || (typeof value === 'object' && value !== null && (value as { _bsontype?: string })._bsontype === 'ObjectId');
}

/** The row key of an `_id` value, or undefined when the value cannot be an `_id`. */
export function rowKeyOf(id: unknown): string | undefined {
  if (typeof id === 'string') return id.length > 0 && !id.startsWith(TAG) ? id : undefined;
  if (typeof id === 'number') return Number.isFinite(id) ? `${TAG}n:${String(id)}` : undefined;
  if (isObjectId(id)) return `${TAG}o:${id.toHexString()}`;
  return undefined;
}

/** The row key of an `_id` that must be valid (inserts, upserts): refuses other types. */
export function rowKey(id: unknown): string {
  const key = rowKeyOf(id);
  assert(key !== undefined, 'INVALID_PARAM', `_id must be a non-empty string, a finite number or an ObjectId (got ${describe(id)})`);
  return key;
}

/** True when `value` is a valid `_id` (string, finite number or ObjectId). */
export function isDocumentId(value: unknown): value is DocumentId {
  return rowKeyOf(value) !== undefined;
}

/** A readable `_id` for messages (E11000, "does not exist"). */
export function describe(id: unknown): string {
  if (isObjectId(id)) return `ObjectId('${id.toHexString()}')`;
  if (typeof id === 'string') return JSON.stringify(id);
  return String(id);
}
