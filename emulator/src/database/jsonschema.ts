import { EmulatorError } from '../errors';
import { isPlainObject, type Doc } from './ejson';
import { isObjectId } from './ids';

/**
 * MongoDB's `$jsonSchema` query operator (`_.jsonSchema({...})`): draft-4 JSON Schema with MongoDB's
 * `bsonType` and without `$ref`, `$schema`, `default`, `definitions`, `format` and `id` (MongoDB
 * refuses those). Only the keywords below are understood; any other keyword is refused like an unknown
 * operator, so a schema is never silently half-applied.
 */

type Check = (value: unknown) => boolean;

const KEYWORDS = new Set([
  'bsonType', 'type', 'required', 'properties', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties',
  'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
  'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'allOf', 'anyOf', 'oneOf', 'not', 'dependencies',
  'title', 'description',
]);

/**
 * MongoDB type names (bsonType) of a decoded value. The SDK writes int32-range integers as int and
 * fractions as double; a larger integer may have been written as long or double, so it is both.
 */
function bsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return ['double', 'number'];
    return value >= -(2 ** 31) && value < 2 ** 31 ? ['int', 'number'] : ['long', 'double', 'number'];
  }
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (Array.isArray(value)) return ['array'];
  if (isObjectId(value)) return ['objectId'];
  if (isPlainObject(value)) return ['object'];
  return [];
}

/** JSON Schema `type` names: numbers are "number" (and "integer" is not allowed by MongoDB). */
function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'number') return ['number'];
  if (typeof value === 'string' || typeof value === 'boolean') return [typeof value === 'string' ? 'string' : 'boolean'];
  if (Array.isArray(value)) return ['array'];
  if (isPlainObject(value)) return ['object'];
  return [];
}

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => equal(a[k], b[k]));
  }
  return a === b;
}

const bad = (message: string): never => {
  throw new EmulatorError('DATABASE_REQUEST_FAILED', `$jsonSchema: ${message}`);
};

function list(v: unknown, what: string): string[] {
  const names = typeof v === 'string' ? [v] : Array.isArray(v) ? v : bad(`${what} must be a string or an array of strings`);
  return names.map((n) => (typeof n === 'string' ? n : bad(`${what} must hold strings`)));
}

function num(schema: Doc, key: string): number {
  const v = schema[key];
  return typeof v === 'number' ? v : bad(`${key} must be a number`);
}

/** Compiles a schema into a predicate; throws DATABASE_REQUEST_FAILED for malformed or unknown keywords. */
export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) return bad('the schema must be an object');
  const checks: Check[] = [];
  const add = (c: Check): void => void checks.push(c);
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) bad(`keyword '${key}' is not supported`);
  const s = schema;
  if (s.bsonType !== undefined) {
    const types = list(s.bsonType, 'bsonType');
    add((v) => bsonTypesOf(v).some((t) => types.includes(t)));
  }
  if (s.type !== undefined) {
    const types = list(s.type, 'type');
    if (types.includes('integer')) bad("type 'integer' is not supported; use bsonType 'int'");
    add((v) => jsonTypesOf(v).some((t) => types.includes(t)));
  }
  if (s.enum !== undefined) {
    const values = Array.isArray(s.enum) ? s.enum : bad('enum must be an array');
    add((v) => values.some((e) => equal(e, v)));
  }
  // Keywords of one JSON type apply only to values of that type (JSON Schema semantics).
  const onNumbers = (c: (n: number) => boolean): void => add((v) => typeof v !== 'number' || c(v));
  const onStrings = (c: (t: string) => boolean): void => add((v) => typeof v !== 'string' || c(v));
  const onArrays = (c: (a: unknown[]) => boolean): void => add((v) => !Array.isArray(v) || c(v));
  const onObjects = (c: (o: Doc) => boolean): void => add((v) => !isPlainObject(v) || c(v));
  if (s.minimum !== undefined) {
    const m = num(s, 'minimum');
    onNumbers((n) => (s.exclusiveMinimum === true ? n > m : n >= m));
  }
  if (s.maximum !== undefined) {
    const m = num(s, 'maximum');
    onNumbers((n) => (s.exclusiveMaximum === true ? n < m : n <= m));
  }
  if (s.multipleOf !== undefined) {
    const m = num(s, 'multipleOf');
    onNumbers((n) => Number.isInteger(n / m));
  }
  if (s.minLength !== undefined) onStrings((t) => [...t].length >= num(s, 'minLength'));
  if (s.maxLength !== undefined) onStrings((t) => [...t].length <= num(s, 'maxLength'));
  if (s.pattern !== undefined) {
    const re = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : bad('pattern must be a string');
    onStrings((t) => re.test(t));
  }
  if (s.minItems !== undefined) onArrays((a) => a.length >= num(s, 'minItems'));
  if (s.maxItems !== undefined) onArrays((a) => a.length <= num(s, 'maxItems'));
  if (s.uniqueItems === true) onArrays((a) => a.every((x, i) => a.findIndex((y) => equal(x, y)) === i));
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) {
      const tuple = s.items.map(compileSchema);
      const extra = s.additionalItems === false ? () => false : isPlainObject(s.additionalItems) ? compileSchema(s.additionalItems) : () => true;
      onArrays((a) => a.every((x, i) => (i < tuple.length ? tuple[i](x) : extra(x))));
    } else {
      const each = compileSchema(s.items);
      onArrays((a) => a.every(each));
    }
  }
  if (s.required !== undefined) {
    const names = Array.isArray(s.required) && s.required.length > 0 ? list(s.required, 'required') : bad('required must be a non-empty array');
    onObjects((o) => names.every((n) => o[n] !== undefined));
  }
  if (s.minProperties !== undefined) onObjects((o) => Object.keys(o).length >= num(s, 'minProperties'));
  if (s.maxProperties !== undefined) onObjects((o) => Object.keys(o).length <= num(s, 'maxProperties'));
  const properties = isPlainObject(s.properties) ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, compileSchema(v)])) : {};
  const patterns = isPlainObject(s.patternProperties) ? Object.entries(s.patternProperties).map(([p, v]) => [new RegExp(p, 'u'), compileSchema(v)] as const) : [];
  if (s.properties !== undefined || s.patternProperties !== undefined || s.additionalProperties !== undefined) {
    const additional = s.additionalProperties === false ? () => false : isPlainObject(s.additionalProperties) ? compileSchema(s.additionalProperties) : () => true;
    onObjects((o) =>
      Object.entries(o).every(([k, v]) => {
        const matching = patterns.filter(([re]) => re.test(k));
        if (!(k in properties) && matching.length === 0) return additional(v);
        return (!(k in properties) || properties[k](v)) && matching.every(([, check]) => check(v));
      }),
    );
  }
  if (isPlainObject(s.dependencies)) {
    for (const [k, dep] of Object.entries(s.dependencies)) {
      const check = Array.isArray(dep) ? (o: Doc) => dep.every((n) => o[n as string] !== undefined) : ((c: Check) => (o: Doc) => c(o))(compileSchema(dep));
      onObjects((o) => o[k] === undefined || check(o));
    }
  }
  const group = (key: string): Check[] => (Array.isArray(s[key]) ? (s[key] as unknown[]).map(compileSchema) : bad(`${key} must be an array`));
  if (s.allOf !== undefined) {
    const all = group('allOf');
    add((v) => all.every((c) => c(v)));
  }
  if (s.anyOf !== undefined) {
    const any = group('anyOf');
    add((v) => any.some((c) => c(v)));
  }
  if (s.oneOf !== undefined) {
    const one = group('oneOf');
    add((v) => one.filter((c) => c(v)).length === 1);
  }
  if (s.not !== undefined) {
    const not = compileSchema(s.not);
    add((v) => !not(v));
  }
  return (value) => checks.every((c) => c(value));
}

/** The `$jsonSchema` query operator: a top-level operator, so it sees the whole document. */
export function jsonSchemaOperator(_selector: string, schema: unknown): (doc: Doc) => boolean {
  return compileSchema(schema);
}
