import { ObjectId } from 'bson';
import { compileSchema } from './jsonschema';

describe('$jsonSchema', () => {
  it('checks bsonType, type, required, properties and additionalProperties', () => {
    const check = compileSchema({ bsonType: 'object', required: ['a'], properties: { a: { bsonType: ['int', 'string'] }, id: { bsonType: 'objectId' } }, additionalProperties: false });
    expect(check({ a: 1 })).toBe(true);
    expect(check({ a: 'x', id: new ObjectId() })).toBe(true);
    expect(check({ a: 1.5 })).toBe(false);
    expect(check({ a: 1, b: 2 })).toBe(false);
    expect(check({})).toBe(false);
    expect(compileSchema({ type: 'object', properties: { d: { bsonType: 'date' } } })({ d: new Date() })).toBe(true);
  });

  it('checks bounds, lengths, patterns, enums, items and combinators', () => {
    expect(compileSchema({ properties: { n: { minimum: 1, maximum: 3, exclusiveMaximum: true } } })({ n: 3 })).toBe(false);
    expect(compileSchema({ properties: { s: { minLength: 2, pattern: '^雁' } } })({ s: '雁阵' })).toBe(true);
    expect(compileSchema({ properties: { e: { enum: ['a', 1] } } })({ e: 2 })).toBe(false);
    expect(compileSchema({ properties: { l: { items: { bsonType: 'int' }, uniqueItems: true, maxItems: 2 } } })({ l: [1, 1] })).toBe(false);
    expect(compileSchema({ anyOf: [{ required: ['a'] }, { required: ['b'] }], not: { required: ['c'] } })({ b: 1 })).toBe(true);
    expect(compileSchema({ oneOf: [{ required: ['a'] }, { required: ['b'] }] })({ a: 1, b: 1 })).toBe(false);
  });

  it('refuses keywords MongoDB does not support instead of ignoring them', () => {
    expect(() => compileSchema({ $ref: '#/a' })).toThrow(/\$ref/);
    expect(() => compileSchema({ type: 'integer' })).toThrow(/integer/);
    expect(() => compileSchema({ required: [] })).toThrow(/required/);
  });
});
