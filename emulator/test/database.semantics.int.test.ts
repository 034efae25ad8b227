import { failure, startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Query and update semantics where the local cloud must answer like CloudBase (issue 7), through the
// real wx-server-sdk.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
});
afterAll(() => emu.close());

/** A fresh collection per test, so tests do not see each other's documents. */
let n = 0;
async function freshCollection(): Promise<string> {
  const name = `sem_${++n}`;
  await db.createCollection(name);
  return name;
}

describe('elemMatch', () => {
  it('with field criteria matches array elements that are documents, never scalars', async () => {
    const c = db.collection(await freshCollection());
    const _ = db.command;
    await c.add({ data: [{ _id: 'scalars', tags: [1, 3, 7] }, { _id: 'docs', tags: [{ value: 1 }] }, { _id: 'zero', tags: [{ value: 0 }, 5] }] });
    const ids = async (q: unknown) => (await c.where(q).orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id);
    expect(await ids({ tags: _.elemMatch({ value: _.gt(0) }) })).toEqual(['docs']);
    // Operator criteria apply to the elements themselves.
    expect(await ids({ tags: _.elemMatch(_.gt(4)) })).toEqual(['scalars', 'zero']);
    expect(await c.where({ tags: _.elemMatch({ value: _.gte(0) }) }).count()).toEqual(expect.objectContaining({ total: 2 }));
  });
});

describe('write results', () => {
  it('count a matched document as updated even when nothing changes', async () => {
    const c = db.collection(await freshCollection());
    const _ = db.command;
    await c.add({ data: { _id: 'a', n: 1, tags: ['x'] } });
    expect((await c.doc('a').set({ data: { n: 1, tags: ['x'] } })).stats).toEqual({ updated: 1, created: 0 });
    expect((await c.doc('a').update({ data: { n: 1 } })).stats).toEqual({ updated: 1 });
    expect((await c.where({ n: 1 }).update({ data: { n: 1 } })).stats).toEqual({ updated: 1 });
    expect((await c.where({ n: 1 }).update({ data: { tags: _.addToSet('x') } })).stats).toEqual({ updated: 1 });
    expect((await c.where({ n: 2 }).update({ data: { n: 1 } })).stats).toEqual({ updated: 0 });
    expect((await c.doc('a').get()).data).toEqual({ _id: 'a', n: 1, tags: ['x'] });
  });

  it('updateAndReturn reports the matched document as updated when the value is the same', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ data: { _id: 'a', n: 1 } });
    const res = await db._db.collection(name).where({ _id: 'a' }).updateAndReturn({ n: 1 });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'a', n: 1 } });
    expect(await db._db.collection(name).where({ _id: 'b' }).updateAndReturn({ n: 1 })).toMatchObject({ updated: 0 });
  });

  it('refuses update() and remove() without where(), leaving every document in place', async () => {
    const name = await freshCollection();
    const c = db.collection(name);
    await c.add({ data: [{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }] });
    const update = await failure(c.update({ data: { n: 0 } }));
    expect(update.errCode).toBe(-501007);
    expect(update.errMsg).toMatch(/where\(\)/);
    expect((await failure(c.remove())).errCode).toBe(-501007);
    await expect(db._db.collection(name).updateAndReturn({ n: 0 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect((await c.orderBy('_id', 'asc').get()).data).toEqual([{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }]);
    // An explicit where({}) is a deliberate "all documents".
    expect((await c.where({}).update({ data: { n: 0 } })).stats).toEqual({ updated: 2 });
    expect((await c.where({}).remove()).stats).toEqual({ removed: 2 });
  });
});

describe('document ids', () => {
  it('keeps numeric ids apart from string ids and reads them back as numbers', async () => {
    const c = db.collection(await freshCollection());
    expect((await c.add({ data: { _id: 7, kind: 'number' } }))._id).toBe(7);
    expect((await c.add({ data: { _id: '7', kind: 'string' } }))._id).toBe('7');
    expect((await c.doc(7).get()).data).toEqual({ _id: 7, kind: 'number' });
    expect((await c.doc('7').get()).data).toEqual({ _id: '7', kind: 'string' });
    expect((await c.where({ _id: db.command.in([7, 8]) }).get()).data).toEqual([{ _id: 7, kind: 'number' }]);
    expect((await failure(c.add({ data: { _id: 7 } }))).errMsg).toMatch(/E11000 duplicate key/);
    expect((await c.doc(7).set({ data: { kind: 'number' } })).stats).toEqual({ updated: 1, created: 0 });
    expect((await c.doc(8).set({ data: { kind: 'new' } })).stats).toEqual({ updated: 0, created: 1 });
    expect((await c.doc(8).get()).data).toEqual({ _id: 8, kind: 'new' });
    expect((await c.doc(7).update({ data: { seen: true } })).stats).toEqual({ updated: 1 });
    expect((await c.doc(7).remove()).stats).toEqual({ removed: 1 });
    expect((await c.orderBy('_id', 'asc').get()).data.map((d: { _id: unknown }) => d._id)).toEqual([8, '7']);
  });

  it('stores ObjectId values (as _id or a field) and answers them as the SDK wrote them', async () => {
    const c = db.collection(await freshCollection());
    const { ObjectId } = db._db;
    const hex = '5f1b2c3d4e5f607182930a1b';
    const ref = '5f1b2c3d4e5f607182930a1c';
    await c.add({ data: { _id: ObjectId({ id: hex }), owner: ObjectId({ id: ref }), n: 1 } });
    await c.add({ data: { _id: hex, n: 2 } }); // the same hex as a string is another id
    const byOid = await c.where({ _id: ObjectId({ id: hex }) }).get();
    expect(byOid.data).toHaveLength(1);
    expect(byOid.data[0].n).toBe(1);
    expect((await c.where({ owner: ObjectId({ id: ref }) }).count()).total).toBe(1);
    // aggregate() hands the EJSON `$oid` back as an ObjectId (get() passes documents through the SDK's
    // own field formatting, which turns ObjectIds into `{}` whatever the server sends).
    const { list } = await c.aggregate().match({ n: 1 }).end();
    expect(list[0]._id.toHexString()).toBe(hex);
    expect(list[0].owner.toHexString()).toBe(ref);
    expect((await failure(c.add({ data: { _id: ObjectId({ id: hex }) } }))).errMsg).toMatch(/E11000/);
    expect((await c.where({ _id: ObjectId({ id: hex }) }).update({ data: { n: 3 } })).stats).toEqual({ updated: 1 });
    expect((await c.where({ _id: hex }).get()).data).toEqual([{ _id: hex, n: 2 }]);
  });

  it('refuses ids that are neither strings, numbers nor ObjectIds', async () => {
    const c = db.collection(await freshCollection());
    expect((await failure(c.add({ data: { _id: true } }))).errCode).toBe(-501007);
    expect((await failure(c.add({ data: { _id: { a: 1 } } }))).errCode).toBe(-501007);
  });
});

describe('refusals', () => {
  it('refuses field names starting with $ in added, set and updated data', async () => {
    const c = db.collection(await freshCollection());
    const _ = db.command;
    const added = await failure(c.add({ data: { $x: 1 } }));
    expect(added.errCode).toBe(-502001);
    expect(added.errMsg).toMatch(/\$x/);
    expect((await failure(c.add({ data: { a: { b: [{ $y: 1 }] } } }))).errMsg).toMatch(/\$y/);
    await c.add({ data: { _id: 'a', list: [] } });
    expect((await failure(c.doc('a').set({ data: { ok: 1, nested: { $z: 1 } } }))).errMsg).toMatch(/\$z/);
    expect((await failure(c.doc('a').update({ data: { list: _.push([{ $w: 1 }]) } }))).errMsg).toMatch(/\$w/);
    expect((await c.doc('a').get()).data).toEqual({ _id: 'a', list: [] });
  });

  it('answers an unsupported operator as a database error naming it, never an internal error', async () => {
    const c = db.collection(await freshCollection());
    await c.add({ data: { _id: 'a', n: 1 } });
    const query = await failure(c.where({ n: { $foo: 1 } }).get());
    expect(query.errCode).toBe(-502001);
    expect(query.errMsg).toMatch(/\$foo/);
    const topLevel = await failure(c.where({ $bar: 1 }).get());
    expect(topLevel.errCode).toBe(-502001);
    expect(topLevel.errMsg).toMatch(/\$bar/);
    const expression = await failure(c.aggregate().project({ x: { $nope: ['$n'] } }).end());
    // wx-server-sdk's aggregate() reports every server error as errCode -1; the code is the server's.
    expect(expression).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(expression.errMsg).toMatch(/\$nope/);
    const update = await failure(c.doc('a').update({ data: { $rename2: { n: 'm' } } }));
    expect(update.errCode).toBe(-502001);
    expect(update.errMsg).toMatch(/\$rename2/);
  });
});

describe('aggregation operators', () => {
  it('$substr/$substrBytes with a negative length, $week like MongoDB, $indexOfCP', async () => {
    const c = db.collection(await freshCollection());
    await c.add({ data: { _id: 'a', s: 'hello world', cn: '雁阵雁阵', at: new Date('2019-05-14T12:00:00Z'), jan: new Date('2019-01-06T00:00:00Z') } });
    const { list } = await c
      .aggregate()
      .project({
        _id: 0,
        rest: { $substr: ['$s', 6, -1] },
        bytes: { $substrBytes: ['$s', 0, 5] },
        restBytes: { $substrBytes: ['$cn', 3, -1] },
        week: { $week: '$at' },
        firstSunday: { $week: '$jan' },
        cp: { $indexOfCP: ['$cn', '阵'] },
        cpFrom: { $indexOfCP: ['$cn', '阵', 2] },
        missing: { $indexOfCP: ['$s', 'z'] },
      })
      .end();
    expect(list).toEqual([{ rest: 'world', bytes: 'hello', restBytes: '阵雁阵', week: 19, firstSunday: 1, cp: 1, cpFrom: 3, missing: -1 }]);
  });

  it('cuts an aggregate without $limit to 20 rows; .limit(n) lifts it', async () => {
    const c = db.collection(await freshCollection());
    await c.add({ data: Array.from({ length: 30 }, (_, i) => ({ i })) });
    expect((await c.aggregate().sort({ i: 1 }).end()).list).toHaveLength(20);
    expect((await c.aggregate().sort({ i: 1 }).limit(25).end()).list).toHaveLength(25);
  });
});

describe('$jsonSchema', () => {
  it('filters by a JSON schema with bsonType, required, properties and bounds', async () => {
    const c = db.collection(await freshCollection());
    const _ = db.command;
    await c.add({
      data: [
        { _id: 'ok', name: 'Ann', age: 30, tags: ['a'] },
        { _id: 'young', name: 'Bo', age: 12, tags: [] },
        { _id: 'noName', age: 40 },
        { _id: 'textAge', name: 'Cy', age: '30' },
      ],
    });
    const schema = { required: ['name', 'age'], properties: { name: { bsonType: 'string', minLength: 2 }, age: { bsonType: 'int', minimum: 18 }, tags: { bsonType: 'array', maxItems: 3 } } };
    expect((await c.where(_.jsonSchema(schema)).get()).data.map((d: { _id: string }) => d._id)).toEqual(['ok']);
    const notSchema = await c.where(_.nor([_.jsonSchema({ required: ['name'] })])).get();
    expect(notSchema.data.map((d: { _id: string }) => d._id)).toEqual(['noName']);
    const bad = await failure(c.where(_.jsonSchema({ $ref: '#/x' })).get());
    expect(bad.errCode).toBe(-502001);
  });
});

describe('read caps', () => {
  it('serves 100 documents by default and at most 1000 per get()', async () => {
    const c = db.collection(await freshCollection());
    for (let i = 0; i < 1100; i += 500) await c.add({ data: Array.from({ length: Math.min(500, 1100 - i) }, (_, j) => ({ i: i + j })) });
    expect((await c.get()).data).toHaveLength(100);
    expect((await c.limit(5000).get()).data).toHaveLength(1000);
    expect((await c.skip(1000).limit(1000).get()).data).toHaveLength(100);
  });
});
