import { geoIndexFields, parseSpec } from './spec';

describe('database spec', () => {
  it('keeps 2dsphere indexes out of the scalar indexes and exposes them by collection', () => {
    const spec = parseSpec(
      JSON.stringify({
        collections: [
          { name: 'salons', indexes: [{ name: 'geo', keys: [{ field: 'location', direction: '2dsphere' }] }, { name: 'owner', keys: [{ field: 'owner', direction: -1 }] }] },
          { name: 'plain', indexes: [] },
        ],
      }),
    );
    const [salons, plain] = spec.collections;
    expect(salons.indexes).toEqual([{ name: 'owner', unique: false, keys: [{ field: 'owner', direction: -1 }] }]);
    expect(salons.geoIndexes).toEqual([{ name: 'geo', field: 'location' }]);
    expect(geoIndexFields(salons.indexes)).toEqual(['location']);
    expect(geoIndexFields(plain.indexes)).toEqual([]);
    expect(geoIndexFields([])).toEqual([]);
  });

  it('refuses unknown directions and unique geo indexes', () => {
    const one = (key: object, unique = false) => JSON.stringify({ collections: [{ name: 'c', indexes: [{ name: 'i', unique, keys: [key] }] }] });
    expect(() => parseSpec(one({ field: 'a', direction: 'asc' }))).toThrow(/direction/);
    expect(() => parseSpec(one({ field: 'a', direction: '2dsphere' }, true))).toThrow(/unique/);
  });
});
