import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Geo values and queries through the real wx-server-sdk: db.Geo.Point, _.geoNear (→ $nearSphere),
// _.geoWithin, _.geoIntersects and the aggregate geoNear stage, with a 2dsphere index declared in the
// spec as cloudfunctions/database.json would declare it.
const specDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanzhen-geo-spec-'));
const specPath = path.join(specDir, 'database.json');
fs.writeFileSync(
  specPath,
  JSON.stringify({
    collections: [
      { name: 'venues', permission: 'ADMINONLY', indexes: [{ name: 'location_geo', unique: false, keys: [{ field: 'location', direction: '2dsphere' }] }, { name: 'kind', unique: false, keys: [{ field: 'kind', direction: 1 }] }] },
      { name: 'plain', permission: 'ADMINONLY', indexes: [] },
    ],
  }),
);

let emu: DatabaseEmulator;
let db: WxDatabase;
const CENTER = [117.0, 36.65] as const; // Shizhong district, Jinan
beforeAll(async () => {
  emu = await startDatabaseEmulator({ specPath });
  db = emu.db;
  const P = (lng: number, lat: number) => db.Geo.Point(lng, lat);
  await db.collection('venues').add({
    data: [
      { _id: 'A', kind: 'venue', location: P(117.0, 36.65) }, // the centre
      { _id: 'B', kind: 'venue', location: P(117.01, 36.65) }, // ≈ 893 m east
      { _id: 'C', kind: 'hall', location: P(117.0, 36.67) }, // ≈ 2226 m north
      { _id: 'D', kind: 'venue', location: P(117.1, 36.65) }, // ≈ 8.9 km east
      { _id: 'E', kind: 'venue' }, // no location
    ],
  });
  await db.collection('plain').add({ data: { _id: 'p', location: P(117.0, 36.65) } });
});
afterAll(async () => {
  await emu.close();
  fs.rmSync(specDir, { recursive: true, force: true });
});

const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);

describe('geo values', () => {
  it('stores a Geo.Point as GeoJSON and reads it back as a Geo point', async () => {
    const { data } = await db.collection('venues').doc('B').get();
    // The SDK turns GeoJSON it reads into its Point class (db.Geo.Point is a factory, not the class).
    expect(data.location.constructor.name).toBe('Point');
    expect(data.location).toMatchObject({ longitude: 117.01, latitude: 36.65 });
    expect(data.location.toJSON()).toEqual({ type: 'Point', coordinates: [117.01, 36.65] });
    const { list } = await db.collection('venues').aggregate().match({ _id: 'B' }).end();
    expect(list[0].location).toEqual({ type: 'Point', coordinates: [117.01, 36.65] });
  });
});

describe('geoNear', () => {
  it('answers nearest first, within maxDistance and beyond minDistance (metres)', async () => {
    const _ = db.command;
    const near = (opts: object) => db.collection('venues').where({ location: _.geoNear({ geometry: db.Geo.Point(...CENTER), ...opts }) }).get();
    expect(ids((await near({ maxDistance: 3000 })).data)).toEqual(['A', 'B', 'C']);
    expect(ids((await near({ maxDistance: 3000, minDistance: 1000 })).data)).toEqual(['C']);
    expect(ids((await near({})).data)).toEqual(['A', 'B', 'C', 'D']);
    // Combined with other conditions, skip and limit apply to the distance order.
    const venues = await db.collection('venues').where({ kind: 'venue', location: _.geoNear({ geometry: db.Geo.Point(117.02, 36.65) }) }).skip(1).limit(2).get();
    expect(ids(venues.data)).toEqual(['A', 'D']);
  });

  it('needs a 2dsphere index on the field, like MongoDB', async () => {
    const _ = db.command;
    const res = db.collection('plain').where({ location: _.geoNear({ geometry: db.Geo.Point(...CENTER) }) }).get();
    await expect(res).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/unable to find index for \$geoNear query/) });
  });

  it('is refused in count(), where MongoDB refuses $nearSphere', async () => {
    const _ = db.command;
    await expect(db.collection('venues').where({ location: _.geoNear({ geometry: db.Geo.Point(...CENTER) }) }).count()).rejects.toMatchObject({ errCode: -502001 });
  });
});

describe('geoWithin and geoIntersects', () => {
  const { Point, LineString, Polygon, MultiPolygon } = { Point: (x: number, y: number) => db.Geo.Point(x, y), LineString: (p: unknown[]) => db.Geo.LineString(p), Polygon: (l: unknown[]) => db.Geo.Polygon(l), MultiPolygon: (p: unknown[]) => db.Geo.MultiPolygon(p) };
  const box = (x1: number, y1: number, x2: number, y2: number) => Polygon([LineString([Point(x1, y1), Point(x2, y1), Point(x2, y2), Point(x1, y2), Point(x1, y1)])]);

  it('finds points within a Polygon, a MultiPolygon or a centerSphere (radians)', async () => {
    const _ = db.command;
    const within = async (q: object) => ids((await db.collection('venues').where({ location: _.geoWithin(q) }).orderBy('_id', 'asc').get()).data);
    expect(await within({ geometry: box(116.995, 36.645, 117.015, 36.655) })).toEqual(['A', 'B']);
    expect(await within({ geometry: MultiPolygon([box(116.995, 36.645, 117.015, 36.655), box(117.09, 36.64, 117.11, 36.66)]) })).toEqual(['A', 'B', 'D']);
    expect(await within({ centerSphere: [[...CENTER], 1000 / 6378100] })).toEqual(['A', 'B']);
    // Without a 2dsphere index too (MongoDB needs none for $geoWithin).
    expect((await db.collection('plain').where({ location: _.geoWithin({ geometry: box(116.9, 36.6, 117.1, 36.7) }) }).count()).total).toBe(1);
  });

  it('refuses a polygon whose ring is not closed', async () => {
    // db.Geo.Polygon checks this in the SDK; a hand-written operator reaches the server unchecked.
    const open = { type: 'Polygon', coordinates: [[[116.9, 36.6], [117.1, 36.6], [117.1, 36.7], [116.9, 36.7]]] };
    await expect(db.collection('venues').where({ location: { $geoWithin: { $geometry: open } } }).get()).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/not closed/) });
  });

  it('finds shapes that intersect a line or a polygon', async () => {
    const _ = db.command;
    const hits = async (geometry: unknown) => ids((await db.collection('venues').where({ location: _.geoIntersects({ geometry }) }).orderBy('_id', 'asc').get()).data);
    expect(await hits(LineString([Point(117.0, 36.64), Point(117.0, 36.68)]))).toEqual(['A', 'C']);
    expect(await hits(box(116.995, 36.645, 117.015, 36.655))).toEqual(['A', 'B']);
    expect(await hits(Point(117.1, 36.65))).toEqual(['D']);
  });
});

describe('aggregate geoNear', () => {
  it('adds the distance, filters by query and maxDistance, sorts nearest first', async () => {
    const { list } = await db
      .collection('venues')
      .aggregate()
      .geoNear({ near: db.Geo.Point(...CENTER), spherical: true, distanceField: 'distance', maxDistance: 5000, query: { kind: 'venue' }, key: 'location' })
      .project({ _id: 1, distance: 1 })
      .end();
    expect(ids(list)).toEqual(['A', 'B']);
    expect(list[0].distance).toBe(0);
    expect(list[1].distance).toBeGreaterThan(880);
    expect(list[1].distance).toBeLessThan(900);
  });

  it('uses the only 2dsphere index without key, and refuses a collection without one', async () => {
    const { list } = await db.collection('venues').aggregate().geoNear({ near: db.Geo.Point(117.1, 36.65), spherical: true, distanceField: 'd' }).limit(1).end();
    expect(ids(list)).toEqual(['D']);
    await expect(db.collection('plain').aggregate().geoNear({ near: db.Geo.Point(...CENTER), spherical: true, distanceField: 'd' }).end()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });
});
