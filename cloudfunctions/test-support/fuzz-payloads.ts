import fc from 'fast-check';
import { z } from 'zod';

/**
 * Payload generators for the fuzzer (fuzz.ts), derived from each action's own input schema (through
 * its JSON Schema form), so that a new action or a new field is fuzzed the day it appears:
 * - `malformed`: random JSON with an unknown key, which every strict schema refuses;
 * - `wrongTypes`: the action's own keys with values of the wrong JSON type;
 * - `wellTyped`: the action's keys with values of the right type that a caller could still get wrong:
 *   ids that do not exist, empty strings, strings one past the limit, unicode, lone surrogates,
 *   control characters, operator-looking text, integers at and past the bounds.
 * Whether a payload is refused is decided by the schema itself (the caller of these generators runs
 * `safeParse` on the payload after a JSON round trip, as the function will see it).
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export type Payload = Record<string, unknown>;

/** The input schema as JSON Schema (input side: defaults make keys optional); `{}` when not representable. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
}

/** Text a careless or hostile caller might send in any string field. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  '\n\t',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '$where',
  '{"$gt":""}',
  "' OR 1=1 --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202e翻转',
  '\ud800',
  '😀👨‍👩‍👧',
  '书记书记书记',
  'sec-does-not-exist',
  'contest-9999',
  'ABCD-123456',
  '0000000000000000',
];

const anyText = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // Shapes of the project's own ids and codes that exist nowhere, for schemas that check them in code.
  fc.stringMatching(/^(sec|contest|cand|showcase)-[a-z0-9]{1,8}$/),
  fc.stringMatching(/^[A-HJ-NP-Z2-9]{4}-\d{6}$/),
);

function patternText(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function stringValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [anyText];
  if (s.enum) options.push(fc.constantFrom(...s.enum), fc.constantFrom(...s.enum).map((v) => `${String(v)} `));
  if (s.pattern && !s.enum) {
    const matching = patternText(s.pattern);
    if (matching) options.push(matching, matching);
  }
  if (s.format === 'date-time') options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2024-02-30T00:00:00Z', '今天'));
  if (s.maxLength !== undefined) {
    const max = s.maxLength;
    // Exactly at the limit and just past it, in CJK (3 bytes in UTF-8) so byte/char confusions show.
    options.push(fc.constantFrom('x'.repeat(max), '书'.repeat(max), '书'.repeat(max + 1), 'x'.repeat(max + 1)));
  }
  if (s.minLength) options.push(fc.constant('x'.repeat(Math.max(0, s.minLength - 1))));
  return fc.oneof(...options);
}

function numberValue(s: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = s.minimum ?? -1e6;
  const max = s.maximum ?? 1e6;
  const edges = [min, max, min - 1, max + 1, 0, -1, 1.5, 2 ** 53, -(2 ** 31)];
  return fc.oneof(
    integer ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) : fc.double({ min, max, noNaN: true }),
    fc.constantFrom(...edges),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

/** A value of the right JSON type for `s` (possibly refused by its bounds, pattern or enum). */
export function wellTypedValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => wellTypedValue(a, depth)));
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringValue(s);
    case 'integer':
      return numberValue(s, true);
    case 'number':
      return numberValue(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items && depth < 3 ? wellTypedValue(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { maxLength: (s.maxItems ?? 5) + 2 });
    case 'object':
      return depth < 3 ? wellTypedObject(s, depth + 1) : fc.object({ maxDepth: 1 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An object with the schema's keys, each present or not (required ones mostly present). */
export function wellTypedObject(s: JsonSchema, depth = 0): fc.Arbitrary<Payload> {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) return fc.constant({});
  const required = new Set(s.required ?? []);
  const fields = props.map(([key, sub]) =>
    fc.tuple(fc.constant(key), fc.option(wellTypedValue(sub, depth), { freq: required.has(key) ? 12 : 2, nil: undefined })),
  );
  return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
}

/** A value of a JSON type that `s` does not take. */
function wrongTypeValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const candidates: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 10 }),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  };
  const others = Object.entries(candidates)
    .filter(([t]) => t !== type && !(t === 'number' && type === 'integer'))
    .map(([, arb]) => arb);
  return fc.oneof(...others);
}

/** The schema's keys, at least one of them with a value of the wrong type. */
function wrongTypes(s: JsonSchema): fc.Arbitrary<Payload> {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) return malformed;
  return fc.tuple(wellTypedObject(s), fc.subarray(props, { minLength: 1 })).chain(([base, broken]) =>
    fc.tuple(...broken.map(([key, sub]) => fc.tuple(fc.constant(key), wrongTypeValue(sub)))).map((pairs) => ({ ...base, ...Object.fromEntries(pairs) })),
  );
}

/** Random JSON plus a key no schema knows (JSON values, so it survives the wire). */
export const malformed: fc.Arbitrary<Payload> = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))
  .map(([rest, junkKey, junk]) => ({ ...rest, [`zz_${junkKey}`]: junk }));

export type PayloadKind = 'malformed' | 'wrongTypes' | 'wellTyped';

/** Payloads for one action: a mix of the three kinds, weighted towards the schema-aware ones. */
export function payloadsFor(schema: z.ZodType): fc.Arbitrary<{ kind: PayloadKind; payload: Payload }> {
  const json = jsonSchemaOf(schema);
  return fc.oneof(
    { weight: 2, arbitrary: malformed.map((payload) => ({ kind: 'malformed' as const, payload })) },
    { weight: 3, arbitrary: wrongTypes(json).map((payload) => ({ kind: 'wrongTypes' as const, payload })) },
    { weight: 5, arbitrary: wellTypedObject(json).map((payload) => ({ kind: 'wellTyped' as const, payload })) },
  );
}
