import { decodeStored, decodeWire, encodeDoc } from './ejson';

describe('wire and stored encoding', () => {
  it('decodes canonical EJSON from the SDK into values mingo understands', () => {
    const text =
      '{"n":{"$numberInt":"3"},"d":{"$numberDouble":"1.5"},"l":{"$numberLong":"12345678901"},' +
      '"at":{"$date":{"$numberLong":"1700000000000"}},"re":{"$regularExpression":{"pattern":"^ab","options":"ix"}},' +
      '"q":{"$gt":{"$numberInt":"1"}},"list":[{"$numberInt":"1"},{"$date":{"$numberLong":"0"}}]}';
    const value = decodeWire(text, 0) as Record<string, unknown>;
    expect(value.n).toBe(3);
    expect(value.d).toBe(1.5);
    expect(value.l).toBe(12345678901);
    expect(value.at).toEqual(new Date(1700000000000));
    expect(value.re).toBeInstanceOf(RegExp);
    expect((value.re as RegExp).source).toBe('^ab');
    expect((value.re as RegExp).flags).toBe('i'); // Mongo's x flag has no JS equivalent
    expect(value.q).toEqual({ $gt: 1 });
    expect(value.list).toEqual([1, new Date(0)]);
  });

  it('replaces $tcb_server_date with now + offset, in data and in nested queries', () => {
    const now = 1_000_000;
    const value = decodeWire('{"a":{"$tcb_server_date":{"offset":{"$numberInt":"500"}}},"b":{"$lt":{"$tcb_server_date":{}}}}', now) as Record<string, unknown>;
    expect(value.a).toEqual(new Date(now + 500));
    expect(value.b).toEqual({ $lt: new Date(now) });
  });

  it('stores documents as JSON that json_extract can read and that round-trips Dates', () => {
    const doc = { _id: 'x', n: 2, s: 'é', at: new Date(86_400_000), nested: { list: [1, 'a', null] } };
    const text = encodeDoc(doc);
    expect(JSON.parse(text)).toMatchObject({ _id: 'x', n: 2, s: 'é', nested: { list: [1, 'a', null] } });
    expect(decodeStored(text)).toEqual(doc);
  });

  it('parses plain documents without EJSON wrappers on the fast path, identically', () => {
    const text = encodeDoc({ a: 1, b: [true, { c: 'x' }] });
    expect(text.includes('"$')).toBe(false);
    expect(decodeStored(text)).toEqual({ a: 1, b: [true, { c: 'x' }] });
  });
});
