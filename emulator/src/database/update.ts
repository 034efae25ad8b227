import { update as mingoUpdate, type Modifier } from 'mingo/updater';
import { EJSON } from 'bson';
import { assert, EmulatorError } from '../errors';
import { isPlainObject, type Doc } from './ejson';

/**
 * Update documents as the SDK sends them, applied with mingo's updater (MongoDB semantics).
 * The SDK already flattens plain nested objects into dotted `$set` keys; a data object without any
 * operator is taken as `$set` (merge) so that hand-written requests behave the same.
 */

const SUPPORTED = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$rename', '$currentDate', '$bit']);

/** `_.addToSet({each:[…]})` arrives as `{f: {each: […]}}` (no `$`): that is `$each`. */
function translateAddToSet(spec: Doc): Doc {
  const out: Doc = {};
  for (const [field, value] of Object.entries(spec)) {
    let each: unknown[] | undefined;
    if (isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.each)) each = value.each;
    else if (isPlainObject(value) && Array.isArray(value.$each)) each = value.$each;
    // Deduplicate the list itself: mingo appends duplicates from $each when the field is missing.
    if (each) {
      const seen = new Set<string>();
      const unique: unknown[] = [];
      for (const v of each) {
        const key = EJSON.stringify({ v });
        if (!seen.has(key)) {
          seen.add(key);
          unique.push(v);
        }
      }
      out[field] = { $each: unique };
    } else out[field] = value;
  }
  return out;
}

export function toModifier(data: Doc): Modifier<Doc> {
  const keys = Object.keys(data);
  const hasOperators = keys.some((k) => k.startsWith('$'));
  if (!hasOperators) return { $set: data };
  const modifier: Doc = {};
  for (const key of keys) {
    assert(SUPPORTED.has(key), 'DATABASE_REQUEST_FAILED', `unknown update operator ${key}`);
    const spec = data[key];
    assert(isPlainObject(spec), 'DATABASE_REQUEST_FAILED', `${key} needs an object`);
    assert(!Object.keys(spec).some((f) => f === '_id' || f.startsWith('_id.')) || key === '$unset', 'DATABASE_REQUEST_FAILED', 'the _id field cannot be updated');
    modifier[key] = key === '$addToSet' ? translateAddToSet(spec) : spec;
  }
  return modifier;
}

/** Applies `modifier` to `doc` in place; true when the document changed (MongoDB's nModified). */
export function applyModifier(doc: Doc, modifier: Modifier<Doc>): boolean {
  try {
    return mingoUpdate(doc, modifier, undefined, undefined, { cloneMode: 'deep' }).length > 0;
  } catch (err) {
    if (err instanceof EmulatorError) throw err;
    throw new EmulatorError('DATABASE_REQUEST_FAILED', String((err as Error).message ?? err));
  }
}

/** The document `doc(id).set(data)` stores: the data, with the document's `_id` first. */
export function replacement(id: unknown, data: Doc): Doc {
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...rest };
}

/**
 * MongoDB refuses to store field names starting with `$` (they would read as operators or EJSON
 * wrappers); CloudBase answers that as a database error. Checked on the final document of every write,
 * so data given to add/set and values pushed or set by update operators are covered alike. (EJSON
 * wrappers such as `$date` or `$oid` were decoded before this point and are not field names any more.)
 */
export function assertStorable(value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, `${path}.${i}`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    assert(!key.startsWith('$'), 'DATABASE_REQUEST_FAILED', `The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`);
    assertStorable(v, at);
  }
}

/** An upsert with update operators starts from the filter's plain equalities, as MongoDB does. */
export function upsertBase(filter: Doc): Doc {
  const base: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue;
    base[key] = value;
  }
  return base;
}
