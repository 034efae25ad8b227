import { Aggregator, Query } from 'mingo';
import { withQueryErrors } from './operators';

// The mingo fixes installed by operators.ts, as every Query and Aggregator in the process sees them.
const project = (expr: object, doc: object = {}) => (new Aggregator([{ $project: { _id: 0, v: expr } }]).run([doc])[0] as { v: unknown }).v;

describe('mingo as MongoDB', () => {
  it('$elemMatch with field criteria ignores scalar elements', () => {
    expect(new Query({ tags: { $elemMatch: { value: { $gt: 0 } } } }).test({ tags: [1, 3, 7] })).toBe(false);
    expect(new Query({ tags: { $elemMatch: { value: { $gt: 0 } } } }).test({ tags: [{ value: 1 }] })).toBe(true);
    expect(new Query({ tags: { $elemMatch: { $gt: 5 } } }).test({ tags: [1, 7] })).toBe(true);
    expect(new Query({ 'a.tags': { $elemMatch: { k: 1 } } }).test({ a: { tags: [{ k: 1 }] } })).toBe(true);
  });

  it('$substrBytes/$substr take the rest for a negative length and respect UTF-8 boundaries', () => {
    expect(project({ $substr: ['abcdef', 2, -1] })).toBe('cdef');
    expect(project({ $substrBytes: ['雁阵', 3, -1] })).toBe('阵');
    expect(() => withQueryErrors(() => project({ $substrBytes: ['雁阵', 1, 2] }))).toThrow(/UTF-8/);
  });

  it('$substrBytes takes a number as its digits and refuses an object, as MongoDB converts to string', () => {
    expect(project({ $substrBytes: [2026, 0, 2] })).toBe('20');
    expect(project({ $substrBytes: ['$missing', 0, 2] })).toBe('');
    expect(() => withQueryErrors(() => project({ $substrBytes: [{ $literal: { a: 1 } }, 0, 2] }))).toThrow(/convert from BSON type object/);
  });

  it('$week counts Sunday-based weeks from 0; $indexOfCP counts code points', () => {
    expect(project({ $week: new Date('2019-05-14T00:00:00Z') })).toBe(19);
    expect(project({ $week: new Date('2019-01-05T00:00:00Z') })).toBe(0);
    expect(project({ $week: new Date('2019-01-06T00:00:00Z') })).toBe(1);
    expect(project({ $week: new Date('2020-12-31T00:00:00Z') })).toBe(52);
    expect(project({ $indexOfCP: ['a雁阵b', 'b'] })).toBe(3);
    expect(project({ $indexOfCP: [null, 'b'] })).toBeNull();
  });

  it('turns mingo errors into database errors that name the operator', () => {
    expect(() => withQueryErrors(() => new Query({ a: { $nope: 1 } }).test({}))).toThrow(expect.objectContaining({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('$nope') }));
  });
});
