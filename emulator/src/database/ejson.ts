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
  const proto: unknown = Object.getPrototypeOf(value);
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

/**
 * Keys that make bson's EJSON reviver turn an object into something else (its `keysToCodecs`, plus
 * `$date`, `$code`, `$dbPointer`, `$ref` and `$undefined`). An object holding one of them, other than
 * the common single-key wrappers decoded below, is handed to bson itself.
 */
const BSON_WRAPPER_KEYS = new Set(['$oid', '$binary', '$uuid', '$symbol', '$numberInt', '$numberDecimal', '$numberDouble', '$numberLong', '$minKey', '$maxKey', '$regex', '$regularExpression', '$timestamp', '$date', '$code', '$dbPointer', '$ref', '$undefined']);
/** `$numberLong` strings bson accepts that a double holds exactly, so `Number(s)` equals bson's Long→number. */
const SAFE_LONG = /^(0|-?[1-9]\d{0,14})$/;

function longToNumber(wrapper: unknown): number | undefined {
  if (!isPlainObject(wrapper)) return undefined;
  const keys = Object.keys(wrapper);
  const text = wrapper.$numberLong;
  return keys.length === 1 && typeof text === 'string' && SAFE_LONG.test(text) ? Number(text) : undefined;
}

/** The value of a single-key wrapper that needs no bson object (numbers, dates), or undefined. */
function fastWrapper(key: string, inner: unknown): number | Date | undefined {
  if (key === '$numberInt') return typeof inner === 'string' ? parseInt(inner, 10) : undefined;
  if (key === '$numberDouble') return typeof inner === 'string' ? parseFloat(inner) : undefined;
  if (key === '$numberLong') return longToNumber({ $numberLong: inner });
  if (key === '$date') {
    if (typeof inner === 'string') return new Date(Date.parse(inner));
    const ms = longToNumber(inner);
    return ms === undefined ? undefined : new Date(ms);
  }
  return undefined;
}

/**
 * Relaxed EJSON decoding of an already JSON-parsed value, in place, then `reviveValue`'s rewrites. It
 * answers exactly what `reviveValue(EJSON.parse(text, { relaxed: true }), now)` answers (a property
 * test holds it to that), but decodes the wrappers the SDK sends on every request (numbers, dates) in
 * plain code: bson's reviver costs a callback per value and was the emulator's largest CPU item.
 */
function decodeParsed(value: unknown, now: number): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodeParsed(value[i], now);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    // As with bson: the marker's contents are parsed (and may throw) but never revived, because the
    // whole marker becomes a date (reviving first would fail on e.g. an invalid `$regex` inside it).
    const marker = (EJSON.deserialize({ m: value.$tcb_server_date }, { relaxed: true }) as { m: unknown }).m;
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date(now + offset);
  }
  if (keys.length === 1) {
    const fast = fastWrapper(keys[0], value[keys[0]]);
    if (fast !== undefined) return fast;
  }
  for (const key of keys) if (BSON_WRAPPER_KEYS.has(key)) return reviveValue(EJSON.deserialize(value, { relaxed: true }), now);
  for (const key of keys) value[key] = decodeParsed(value[key], now);
  return value;
}

/** Parses one EJSON string from the SDK (query, data, order, projection, stage value). */
export function decodeWire(text: string, now: number): unknown {
  // bson refuses field names with NUL bytes; JSON text can only hold them escaped.
  if (text.includes('\\u0000')) return reviveValue(EJSON.parse(text, { relaxed: true }), now);
  return decodeParsed(JSON.parse(text), now);
}

/** Parses a wire value that may be an EJSON string or (for tolerance) an already-parsed object. */
export function decodeWireParam(value: unknown, now: number): unknown {
  if (typeof value === 'string') return decodeWire(value, now);
  if (value === undefined || value === null) return value;
  return decodeWire(JSON.stringify(value), now);
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
  return decodeWire(text, 0) as Doc;
}

export { isPlainObject };
