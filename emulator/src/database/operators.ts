import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import { $dayOfWeek, $dayOfYear } from 'mingo/operators/expression';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { EmulatorError } from '../errors';
import { isPlainObject, type Doc } from './ejson';
import { geoIntersectsOperator, geoWithinOperator, nearOperator } from './geo-query';
import { jsonSchemaOperator } from './jsonschema';

/**
 * Where mingo (7.2.7, the latest release) differs from MongoDB/CloudBase, fixed once for every query,
 * update condition and pipeline in the process. mingo's own extension point cannot do it: options'
 * `context` operators are merged UNDER the built-in ones (a built-in always wins), and its default
 * context is private. So `Context.prototype.getOperator` answers our operators first:
 * - `$elemMatch` with field criteria (`{value: {$gt: 0}}`) matched scalar elements (`[1, 3, 7]`);
 *   MongoDB matches only elements that are documents.
 * - `$substr`/`$substrBytes` refused a negative length; MongoDB takes the rest of the string.
 * - `$week` counted weeks from Monday-ish ISO rules; MongoDB's weeks start on Sunday, days before the
 *   year's first Sunday are week 0 (2019-05-14 is week 19).
 * - `$indexOfCP` did not exist.
 * - `$jsonSchema` needed a validator option; geo query operators did not exist.
 * Installed by importing this module (operations.ts and aggregate.ts do).
 */

type Any = unknown;
type ExprOp = (obj: Doc, expr: Any, options: Options) => Any;
type QueryOp = (selector: string, value: Any, options: Options) => (obj: Doc) => boolean;

/** `{tags: {$elemMatch: {value: {$gt: 0}}}}`: only array elements that are documents can match. */
const $elemMatch: QueryOp = (selector, criteria, options) => {
  if (!isPlainObject(criteria)) throw new EmulatorError('DATABASE_REQUEST_FAILED', '$elemMatch needs an Object');
  const keys = Object.keys(criteria);
  // Operator criteria ({$gt: 0}) apply to the element itself; field criteria to an element document.
  const onElement = keys.length > 0 && keys.every((k) => k.startsWith('$') && k !== '$and' && k !== '$or' && k !== '$nor');
  const test: (v: Any) => boolean = onElement
    ? ((q: Query) => (v: Any) => q.test({ v }))(new Query({ v: criteria }, options))
    : ((q: Query) => (v: Any) => isPlainObject(v) && q.test(v))(new Query(criteria, options));
  return (obj) => {
    const value = resolve(obj, selector, { unwrapArray: true });
    return Array.isArray(value) && value.some(test);
  };
};

function args(obj: Doc, expr: Any, options: Options, op: string, min: number, max: number): Any[] {
  const values = evalExpr(obj, expr, options);
  if (!Array.isArray(values) || values.length < min || values.length > max) throw new EmulatorError('DATABASE_REQUEST_FAILED', `Expression ${op} takes ${min === max ? min : `${min} to ${max}`} arguments`);
  return values;
}

function nonNegativeInt(v: Any, op: string, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new EmulatorError('DATABASE_REQUEST_FAILED', `${op}: ${what} must be a non-negative integer`);
  return v;
}

/**
 * A string operator's argument as text, as MongoDB converts it: null/missing is '', a date its ISO text,
 * a number or boolean its digits or word; an object or array cannot be converted.
 */
function textOf(v: Any, op: string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw new EmulatorError('DATABASE_REQUEST_FAILED', `${op}: can't convert from BSON type ${Array.isArray(v) ? 'array' : 'object'} to String`);
}

/** `$substrBytes: [string, byteIndex, byteCount]`; a negative count takes the rest of the string. */
const $substrBytes: ExprOp = (obj, expr, options) => {
  const [s, index, count] = args(obj, expr, options, '$substrBytes', 3, 3);
  const text = textOf(s, '$substrBytes');
  const bytes = Buffer.from(text, 'utf8');
  const start = nonNegativeInt(index, '$substrBytes', 'starting index');
  if (typeof count !== 'number' || !Number.isInteger(count)) throw new EmulatorError('DATABASE_REQUEST_FAILED', '$substrBytes: length must be an integer');
  const end = count < 0 ? bytes.length : Math.min(bytes.length, start + count);
  const isContinuation = (i: number): boolean => i < bytes.length && (bytes[i] & 0xc0) === 0x80;
  if (isContinuation(start)) throw new EmulatorError('DATABASE_REQUEST_FAILED', '$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.');
  if (end > start && isContinuation(end)) throw new EmulatorError('DATABASE_REQUEST_FAILED', '$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.');
  return start >= bytes.length ? '' : bytes.subarray(start, Math.max(start, end)).toString('utf8');
};

/** MongoDB's `$week` (strftime %U): Sunday-based weeks, week 0 before the year's first Sunday. */
const $week: ExprOp = (obj, expr, options) => {
  const dayOfYear = ($dayOfYear as ExprOp)(obj, expr, options);
  const dayOfWeek = ($dayOfWeek as ExprOp)(obj, expr, options); // 1 = Sunday … 7 = Saturday
  if (typeof dayOfYear !== 'number' || typeof dayOfWeek !== 'number') return null;
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7);
};

/** `$indexOfCP: [string, substring, start?, end?]` in code points; -1 when absent, null for a null string. */
const $indexOfCP: ExprOp = (obj, expr, options) => {
  const [s, sub, start, end] = args(obj, expr, options, '$indexOfCP', 2, 4);
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string' || typeof sub !== 'string') throw new EmulatorError('DATABASE_REQUEST_FAILED', '$indexOfCP requires a string as the first and second argument');
  const points = [...s];
  const needle = [...sub];
  const from = start === undefined ? 0 : nonNegativeInt(start, '$indexOfCP', 'starting index');
  const to = end === undefined ? points.length : Math.min(points.length, nonNegativeInt(end, '$indexOfCP', 'ending index'));
  for (let i = from; i + needle.length <= to; i++) if (needle.every((c, j) => points[i + j] === c)) return i;
  return -1;
};

const OVERRIDES: Record<string, Record<string, Any>> = {
  query: {
    $elemMatch,
    $jsonSchema: jsonSchemaOperator,
    $nearSphere: nearOperator('$nearSphere'),
    $near: nearOperator('$near'),
    $geoWithin: geoWithinOperator,
    $geoIntersects: geoIntersectsOperator,
  },
  expression: { $substr: $substrBytes, $substrBytes, $week, $indexOfCP },
};

type GetOperator = (this: Context, type: string, name: string) => Any;
const proto = Context.prototype as unknown as { getOperator: GetOperator; __yanzhenPatched?: true };
if (!proto.__yanzhenPatched) {
  const builtIn = proto.getOperator;
  proto.getOperator = function getOperator(type, name) {
    return OVERRIDES[type]?.[name] ?? builtIn.call(this, type, name);
  };
  proto.__yanzhenPatched = true;
}

/**
 * Runs `fn`, turning mingo's errors (unknown operators, bad arguments) into the database error the
 * SDK shows as `-502001 database request fail`, with mingo's message (it names the operator).
 */
export function withQueryErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof EmulatorError) throw err;
    const e = err as Error;
    if (e?.constructor?.name === 'MingoError' || e?.name === 'MingoError') throw new EmulatorError('DATABASE_REQUEST_FAILED', e.message);
    throw err;
  }
}
