import { NULL_KEY, arrayPathsIn, indexExpr, jsonPathLiteral, planQuery } from './planner';
import { ObjectId } from 'bson';
import { rowKey } from './ids';
import type { IndexSpec } from './spec';

const voterDay: IndexSpec = { name: 'voter_day', unique: false, keys: [{ field: 'voterId', direction: 1 }, { field: 'day', direction: 1 }] };
const voterCandidate: IndexSpec = { name: 'voter_candidate', unique: true, keys: [{ field: 'voterId', direction: 1 }, { field: 'candidateId', direction: 1 }] };
const nested: IndexSpec = { name: 'city', unique: false, keys: [{ field: 'address.city', direction: 1 }] };
const indexes = [voterDay, voterCandidate, nested];

describe('index planning', () => {
  it('looks documents up by _id (equality or $in) without any index choice', () => {
    expect(planQuery({ _id: 'a', other: 1 }, indexes, new Set())).toEqual({ kind: 'ids', ids: ['a'] });
    expect(planQuery({ _id: { $in: ['a', 'b', 'a'] } }, indexes, new Set())).toEqual({ kind: 'ids', ids: ['a', 'b'] });
    expect(planQuery({ _id: 5 }, indexes, new Set())).toEqual({ kind: 'ids', ids: [rowKey(5)] });
    expect(planQuery({ _id: true }, indexes, new Set())).toEqual({ kind: 'ids', ids: [] });
  });

  it('maps numeric and ObjectId ids to their row keys, never to a string id', () => {
    const oid = new ObjectId('5f1b2c3d4e5f607182930a1b');
    expect(planQuery({ _id: { $eq: oid } }, indexes, new Set())).toEqual({ kind: 'ids', ids: [rowKey(oid)] });
    expect(planQuery({ _id: { $in: ['5', 5, oid] } }, indexes, new Set())).toEqual({ kind: 'ids', ids: ['5', rowKey(5), rowKey(oid)] });
    expect(rowKey(5)).not.toBe('5');
    expect(planQuery({ _id: rowKey(5) }, indexes, new Set())).toEqual({ kind: 'ids', ids: [] });
    expect(planQuery({ _id: /a/ }, indexes, new Set())).toEqual({ kind: 'scan' });
  });

  it('uses the longest equality prefix of a declared index', () => {
    const plan = planQuery({ voterId: 'u1', day: '2024-01-01', extra: { $gt: 1 } }, indexes, new Set());
    expect(plan).toMatchObject({ kind: 'index', index: voterDay, fields: ['voterId', 'day'], values: ['u1', '2024-01-01'] });
    expect(planQuery({ voterId: 'u1' }, [voterDay], new Set())).toMatchObject({ kind: 'index', fields: ['voterId'] });
  });

  it('prefers a unique index whose whole key is constrained on a tie', () => {
    const plan = planQuery({ voterId: 'u1', candidateId: 'c1', day: 'd' }, indexes, new Set());
    expect(plan).toMatchObject({ kind: 'index', index: voterCandidate });
  });

  it('reads equalities inside $and and $eq, and maps null and booleans to index keys', () => {
    expect(planQuery({ $and: [{ voterId: { $eq: true } }, { day: null }] }, indexes, new Set())).toMatchObject({ kind: 'index', values: [1, NULL_KEY] });
    expect(planQuery({ 'address.city': 'Jinan' }, indexes, new Set())).toMatchObject({ kind: 'index', index: nested });
  });

  it('scans when the first key has no scalar equality (range, $in on other fields, objects, $or)', () => {
    expect(planQuery({ day: 'd' }, indexes, new Set())).toEqual({ kind: 'scan' });
    expect(planQuery({ voterId: { $gt: 'a' } }, indexes, new Set())).toEqual({ kind: 'scan' });
    expect(planQuery({ voterId: { a: 1 } }, indexes, new Set())).toEqual({ kind: 'scan' });
    expect(planQuery({ $or: [{ voterId: 'a' }, { voterId: 'b' }] }, indexes, new Set())).toEqual({ kind: 'scan' });
  });

  it('never uses an index on a path that held an array (MongoDB matches elements there)', () => {
    expect(planQuery({ voterId: 'u1' }, indexes, new Set(['voterId']))).toEqual({ kind: 'scan' });
    expect(planQuery({ 'address.city': 'x' }, indexes, new Set(['address']))).toEqual({ kind: 'scan' });
    expect(planQuery({ voterId: 'u1', day: 'd' }, [voterDay], new Set(['day']))).toMatchObject({ kind: 'index', fields: ['voterId'] });
  });

  it('finds array paths in documents, including arrays on a prefix', () => {
    expect(arrayPathsIn({ voterId: ['a'], address: [{ city: 'x' }], day: 'd' }, ['voterId', 'address.city', 'day'])).toEqual(['voterId', 'address']);
    expect(arrayPathsIn({ address: { city: ['x'] } }, ['address.city'])).toEqual(['address.city']);
  });

  it('quotes every path segment in the SQL expression', () => {
    expect(jsonPathLiteral('address.city')).toBe(`'$."address"."city"'`);
    expect(indexExpr('day')).toBe(`ifnull(json_extract(data, '$."day"'), x'00')`);
  });
});
