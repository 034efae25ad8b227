import { BSONRegExp, EJSON } from 'bson';

/**
 * Encoding between the wire, SQLite and mingo.
 *
 * - The SDK sends queries, data, orders, projections and stages as canonical EJSON strings. We parse
 *   them relaxed (int32/double/int64 → number, `$date` → Date) and then turn BSON regular expressions
 *   into JS RegExp (what mingo understands) and `{$tcb_server_date:{offset}}` into a Date (now + offset).
 * - Documents are stored as relaxed EJSON text: plain JSON for strings/numbers/booleans/arrays/objects,
 *   so SQLite's json_extract sees ordinary values and expression indexes work; Dates keep a
 *   `{"$date": …}` wrapper so they round-trip. The same text is a valid reply: the SDK parses the
 *   strings in `list` as relaxed EJSON, so a stored document can be sent back without re-encoding.
 */

export type Doc = Record<string, unknown>;

/** Mongo regex options JS has no flag for (`x`, `l`) are dropped; JS accepts i, m, s, u. */
function toRegExp(re: BSONRegExp): RegExp {
  const flags = [...new Set(re.options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
  return new RegExp(re.pattern, flags);
}

function isPlainObject(value: unknown): value is Doc {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Replaces BSON wrappers mingo cannot use and the server-date marker, in place; returns the value. */
export function reviveValue(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return toRegExp(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveValue(value[i], now);
    return value;
  }
  if (isPlainObject(value)) {
    const marker = value.$tcb_server_date;
    if (marker !== undefined && Object.keys(value).length === 1) {
      const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
      return new Date(now + offset);
    }
    for (const key of Object.keys(value)) value[key] = reviveValue(value[key], now);
  }
  return value;
}

/** Parses one EJSON string from the SDK (query, data, order, projection, stage value). */
export function decodeWire(text: string, now: number): unknown {
  return reviveValue(EJSON.parse(text, { relaxed: true }), now);
}

/** Parses a wire value that may be an EJSON string or (for tolerance) an already-parsed object. */
export function decodeWireParam(value: unknown, now: number): unknown {
  if (typeof value === 'string') return decodeWire(value, now);
  if (value === undefined || value === null) return value;
  return reviveValue(EJSON.parse(JSON.stringify(value), { relaxed: true }), now);
}

/** The stored (and reply) text of a document. */
export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/**
 * Parses a stored document. Text without any `"$` has no EJSON wrapper, so plain JSON.parse is exact
 * and several times faster than EJSON.parse; most documents without dates take that path.
 */
export function decodeStored(text: string): Doc {
  if (!text.includes('"$')) return JSON.parse(text) as Doc;
  return reviveValue(EJSON.parse(text, { relaxed: true }), 0) as Doc;
}

export { isPlainObject };
