import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Every query and update operator of the SDK's `db.command`, through the real wx-server-sdk.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
  await db.collection('items').add({
    data: [
      { _id: 'a', n: 1, name: 'Alpha', tags: ['red', 'big'], parts: [{ k: 'x', v: 1 }], status: 'open' },
      { _id: 'b', n: 2, name: 'beta', tags: ['blue'], parts: [{ k: 'x', v: 5 }, { k: 'y', v: 2 }], status: 'closed', note: null },
      { _id: 'c', n: 3, name: 'Gamma', tags: [], parts: [], status: 'open', extra: true },
      { _id: 'd', n: 4, name: 'delta', tags: ['red', 'blue', 'big'], parts: [{ k: 'y', v: 9 }] },
    ],
  });
});
afterAll(() => emu.close());

async function ids(query: unknown): Promise<string[]> {
  const res = await db.collection('items').where(query).orderBy('_id', 'asc').get();
  return res.data.map((d: { _id: string }) => d._id);
}

describe('query operators', () => {
  it('compares: eq, neq, gt, gte, lt, lte', async () => {
    const _ = db.command;
    expect(await ids({ n: _.eq(2) })).toEqual(['b']);
    expect(await ids({ n: _.neq(2) })).toEqual(['a', 'c', 'd']);
    expect(await ids({ n: _.gt(2) })).toEqual(['c', 'd']);
    expect(await ids({ n: _.gte(2) })).toEqual(['b', 'c', 'd']);
    expect(await ids({ n: _.lt(2) })).toEqual(['a']);
    expect(await ids({ n: _.lte(2) })).toEqual(['a', 'b']);
  });

  it('in and nin (including array fields)', async () => {
    const _ = db.command;
    expect(await ids({ n: _.in([1, 4, 9]) })).toEqual(['a', 'd']);
    expect(await ids({ n: _.nin([1, 4]) })).toEqual(['b', 'c']);
    expect(await ids({ tags: _.in(['blue']) })).toEqual(['b', 'd']);
    expect(await ids({ tags: 'red' })).toEqual(['a', 'd']);
  });

  it('answers _id in [...] in natural order, not in the order of the list', async () => {
    const _ = db.command;
    const res = await db.collection('items').where({ _id: _.in(['d', 'a', 'c', 'a']) }).get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['a', 'c', 'd']);
  });

  it('and, or (top level and field level), not', async () => {
    const _ = db.command;
    expect(await ids({ n: _.gt(1).and(_.lt(4)) })).toEqual(['b', 'c']);
    expect(await ids(_.and([{ status: 'open' }, { n: _.gt(1) }]))).toEqual(['c']);
    expect(await ids(_.or([{ n: 1 }, { name: 'delta' }]))).toEqual(['a', 'd']);
    expect(await ids({ n: _.lt(2).or(_.gt(3)) })).toEqual(['a', 'd']);
    expect(await ids({ n: _.not(_.gt(2)) })).toEqual(['a', 'b']);
  });

  it('exists, size, elemMatch', async () => {
    const _ = db.command;
    expect(await ids({ extra: _.exists(true) })).toEqual(['c']);
    expect(await ids({ status: _.exists(false) })).toEqual(['d']);
    expect(await ids({ note: null })).toEqual(['a', 'b', 'c', 'd']); // null matches missing, as in MongoDB
    expect(await ids({ tags: _.size(0) })).toEqual(['c']);
    expect(await ids({ tags: _.size(3) })).toEqual(['d']);
    expect(await ids({ parts: _.elemMatch({ k: 'x', v: _.gt(3) }) })).toEqual(['b']);
  });

  it('regular expressions: JS RegExp and db.RegExp', async () => {
    expect(await ids({ name: /^[a-c]/ })).toEqual(['b']);
    expect(await ids({ name: /^[a-c]/i })).toEqual(['a', 'b']);
    expect(await ids({ name: db.RegExp({ regexp: 'ta$', options: 'i' }) })).toEqual(['b', 'd']);
  });

  it('nested fields with dotted paths and objects', async () => {
    expect(await ids({ 'parts.k': 'y' })).toEqual(['b', 'd']);
    expect(await ids({ 'parts.0.v': db.command.gte(5) })).toEqual(['b', 'd']);
  });
});

describe('update operators', () => {
  const doc = async (id: string) => (await db.collection('accounts').doc(id).get()).data;
  beforeEach(async () => {
    await db.collection('accounts').doc('u').set({ data: { n: 10, list: [1, 2, 3], set: ['a'], o: { x: 1, y: 2 }, gone: 'bye', old: 'v' } });
  });

  it('set (nested merge), remove, inc, mul, min, max, rename', async () => {
    const _ = db.command;
    const res = await db.collection('accounts').doc('u').update({
      data: { o: { y: 3, z: 4 }, whole: _.set({ p: 1 }), gone: _.remove(), n: _.inc(5), m: _.mul(2), old: _.rename('renamed') },
    });
    expect(res.stats.updated).toBe(1);
    const after = await doc('u');
    expect(after).toMatchObject({ o: { x: 1, y: 3, z: 4 }, whole: { p: 1 }, n: 15, m: 0, renamed: 'v' });
    expect(after.gone).toBeUndefined();
    expect(after.old).toBeUndefined();
    await db.collection('accounts').doc('u').update({ data: { n: _.mul(2) } });
    await db.collection('accounts').doc('u').update({ data: { n: _.min(20), low: _.min(3), high: _.max(7) } });
    expect(await doc('u')).toMatchObject({ n: 20, low: 3, high: 7 });
    await db.collection('accounts').doc('u').update({ data: { n: _.max(100), low: _.max(1) } });
    expect(await doc('u')).toMatchObject({ n: 100, low: 3 });
  });

  it('push (value, list, each/position), unshift, pop, shift', async () => {
    const _ = db.command;
    await db.collection('accounts').doc('u').update({ data: { list: _.push(4) } });
    expect((await doc('u')).list).toEqual([1, 2, 3, 4]);
    await db.collection('accounts').doc('u').update({ data: { list: _.push([5, 6]) } });
    await db.collection('accounts').doc('u').update({ data: { list: _.push({ each: [9], position: 1 }) } });
    expect((await doc('u')).list).toEqual([1, 9, 2, 3, 4, 5, 6]);
    await db.collection('accounts').doc('u').update({ data: { list: _.unshift([0]) } });
    await db.collection('accounts').doc('u').update({ data: { list: _.pop() } });
    expect((await doc('u')).list).toEqual([0, 1, 9, 2, 3, 4, 5]);
    await db.collection('accounts').doc('u').update({ data: { list: _.shift() } });
    expect((await doc('u')).list).toEqual([1, 9, 2, 3, 4, 5]);
  });

  it('pull (value and condition), pullAll', async () => {
    const _ = db.command;
    await db.collection('accounts').doc('u').update({ data: { list: _.pull(2) } });
    expect((await doc('u')).list).toEqual([1, 3]);
    await db.collection('accounts').doc('u').update({ data: { list: _.push([7, 8, 9]) } });
    await db.collection('accounts').doc('u').update({ data: { list: _.pull(_.gt(7)) } });
    expect((await doc('u')).list).toEqual([1, 3, 7]);
    await db.collection('accounts').doc('u').update({ data: { list: _.pullAll([1, 7]) } });
    expect((await doc('u')).list).toEqual([3]);
  });

  it('addToSet with one value and with {each} (the SDK sends "each" without $)', async () => {
    const _ = db.command;
    await db.collection('accounts').doc('u').update({ data: { set: _.addToSet('a') } });
    expect((await doc('u')).set).toEqual(['a']);
    await db.collection('accounts').doc('u').update({ data: { set: _.addToSet({ each: ['a', 'b', 'c', 'b'] }) } });
    expect((await doc('u')).set).toEqual(['a', 'b', 'c']);
    await db.collection('accounts').doc('u').update({ data: { fresh: _.addToSet({ each: [1, 1, 2] }) } });
    expect((await doc('u')).fresh).toEqual([1, 2]);
  });

  it('applies operators to every match of where().update()', async () => {
    const _ = db.command;
    await db.collection('accounts').add({ data: [{ team: 't', score: 1 }, { team: 't', score: 2 }] });
    const res = await db.collection('accounts').where({ team: 't' }).update({ data: { score: _.inc(10), seen: true } });
    expect(res.stats.updated).toBe(2);
    const scores = (await db.collection('accounts').where({ team: 't' }).orderBy('score', 'asc').get()).data.map((d: { score: number }) => d.score);
    expect(scores).toEqual([11, 12]);
  });

  it('answers a failing update (conflicting paths) with a database error', async () => {
    const _ = db.command;
    await expect(db.collection('accounts').doc('u').update({ data: { n: _.inc(1), 'n.x': 1 } })).rejects.toMatchObject({ errCode: -502001 });
    expect((await doc('u')).n).toBe(10);
  });
});
