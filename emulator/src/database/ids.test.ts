import { ObjectId } from 'bson';
import { isDocumentId, rowKey, rowKeyOf } from './ids';

describe('row keys of document ids', () => {
  it('keeps strings as they are and tags numbers and ObjectIds so they never collide with a string', () => {
    const oid = new ObjectId('5f1b2c3d4e5f607182930a1b');
    expect(rowKey('abc')).toBe('abc');
    expect(rowKey(5)).not.toBe('5');
    expect(rowKey(5)).toBe(rowKey(5.0));
    expect(rowKey(oid)).not.toBe(oid.toHexString());
    expect(rowKey(oid)).toBe(rowKey(new ObjectId(oid.toHexString())));
    expect(new Set([rowKey('5'), rowKey(5), rowKey(oid), rowKey(oid.toHexString())]).size).toBe(4);
  });

  it('refuses values that cannot be ids, including strings that look like tagged keys', () => {
    for (const bad of ['', true, null, undefined, NaN, Infinity, { a: 1 }, [1], rowKey(5)]) {
      expect(rowKeyOf(bad)).toBeUndefined();
      expect(isDocumentId(bad)).toBe(false);
    }
    expect(() => rowKey(true)).toThrow(/_id must be/);
  });
});
