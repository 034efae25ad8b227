import { failure, startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// CRUD, reads (order/skip/limit/field/count), limits, serverDate and collection/index errors, all
// through the real wx-server-sdk, checking what a cloud function sees.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
});
afterAll(() => emu.close());

describe('documents', () => {
  it('adds, gets, sets, updates and removes one document', async () => {
    const todos = db.collection('todos');
    const added = await todos.add({ data: { owner: 'ann', title: 'buy milk', due: new Date('2024-05-01T08:00:00Z'), n: 1, big: 2 ** 40 } });
    expect(added).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' });

    const got = await todos.doc(added._id).get();
    expect(got.data).toEqual({ _id: added._id, owner: 'ann', title: 'buy milk', due: new Date('2024-05-01T08:00:00Z'), n: 1, big: 2 ** 40 });
    expect(got.data.due).toBeInstanceOf(Date);

    const updated = await todos.doc(added._id).update({ data: { title: 'buy oat milk', meta: { tags: ['x'] } } });
    expect(updated.stats).toEqual({ updated: 1 });
    expect((await todos.doc(added._id).get()).data).toMatchObject({ title: 'buy oat milk', meta: { tags: ['x'] }, owner: 'ann' });
    // Nothing changes, but the document matched: CloudBase's `updated` is the matched count.
    expect((await todos.doc(added._id).update({ data: { title: 'buy oat milk' } })).stats).toEqual({ updated: 1 });

    const replaced = await todos.doc(added._id).set({ data: { owner: 'bob' } });
    expect(replaced).toMatchObject({ _id: added._id, stats: { updated: 1, created: 0 } });
    expect((await todos.doc(added._id).get()).data).toEqual({ _id: added._id, owner: 'bob' });

    expect((await todos.doc(added._id).remove()).stats).toEqual({ removed: 1 });
    await expect(todos.doc(added._id).get()).rejects.toThrow(`document with _id ${added._id} does not exist`);
    expect((await todos.doc(added._id).remove()).stats).toEqual({ removed: 0 });
  });

  it('set() on a missing id creates the document (upsert)', async () => {
    const res = await db.collection('todos').doc('fixed-id').set({ data: { owner: 'cy', n: 2 } });
    expect(res).toMatchObject({ _id: 'fixed-id', stats: { updated: 0, created: 1 } });
    expect((await db.collection('todos').doc('fixed-id').get()).data).toEqual({ _id: 'fixed-id', owner: 'cy', n: 2 });
  });

  it('adds a batch, keeps a given _id, and rejects a duplicate _id with E11000', async () => {
    const batch = await db.collection('items').add({ data: [{ k: 'a' }, { _id: 'given', k: 'b' }] });
    expect(batch._ids).toEqual([expect.any(String), 'given']);
    const err = await failure(db.collection('items').add({ data: { _id: 'given', k: 'c' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000 duplicate key/);
    expect((await db.collection('items').doc('given').get()).data.k).toBe('b');
  });

  it('updates and removes every match of a where()', async () => {
    const orders = db.collection('orders');
    await orders.add({ data: [{ userId: 'u1', state: 'new' }, { userId: 'u1', state: 'new' }, { userId: 'u2', state: 'new' }] });
    expect((await orders.where({ userId: 'u1' }).update({ data: { state: 'paid' } })).stats).toEqual({ updated: 2 });
    expect((await orders.where({ state: 'paid' }).count()).total).toBe(2);
    expect((await orders.where({ userId: 'u1' }).remove()).stats).toEqual({ removed: 2 });
    expect((await orders.where({ userId: 'u1' }).count()).total).toBe(0);
    expect((await orders.where({ userId: 'u2' }).count()).total).toBe(1);
  });
});

describe('reads', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ _id: `r${String(i).padStart(2, '0')}`, group: i % 3, rank: 12 - i, label: `L${i}`, secret: 's' }));
    await db.collection('accounts').add({ data: rows });
  });

  it('orders, skips, limits and projects', async () => {
    const res = await db.collection('accounts').where({ group: 1 }).orderBy('rank', 'asc').skip(1).limit(2).field({ label: true, rank: true }).get();
    expect(res.data).toEqual([
      { _id: 'r07', label: 'L7', rank: 5 },
      { _id: 'r04', label: 'L4', rank: 8 },
    ]);
    const multi = await db.collection('accounts').orderBy('group', 'desc').orderBy('rank', 'desc').limit(3).field({ secret: false }).get();
    expect(multi.data.map((d: { _id: string }) => d._id)).toEqual(['r02', 'r05', 'r08']);
    expect(multi.data[0].secret).toBeUndefined();
  });

  it('counts matches', async () => {
    expect(await db.collection('accounts').where({ group: 0 }).count()).toMatchObject({ total: 4 });
    expect((await db.collection('accounts').count()).total).toBe(12);
  });

  it('returns 100 documents by default and at most 1000', async () => {
    const many = Array.from({ length: 1050 }, (_, i) => ({ i }));
    for (let i = 0; i < many.length; i += 350) await db.collection('items').add({ data: many.slice(i, i + 350) });
    const first = await db.collection('items').where({ i: db.command.exists(true) }).get();
    expect(first.data).toHaveLength(100);
    expect(first.data[0].i).toBe(0);
    const max = await db.collection('items').where({ i: db.command.exists(true) }).limit(1000).get();
    expect(max.data).toHaveLength(1000);
    // A handler-level request for more is capped too (the SDK itself also caps).
    const direct = (await emu.service.handlers['database.getDocument']({ action: 'database.getDocument', requestId: 't', params: { collectionName: 'items', queryType: 'WHERE', limit: 5000 } })) as { data: { list: string[] } };
    expect(direct.data.list).toHaveLength(1000);
  });
});

describe('serverDate', () => {
  it('stores server time (with offset) and compares against it in queries', async () => {
    const before = Date.now();
    const { _id } = await db.collection('items').add({ data: { kind: 'clock', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const after = Date.now();
    const { data } = await db.collection('items').doc(_id).get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(after);
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
    const _ = db.command;
    expect((await db.collection('items').where({ kind: 'clock', at: _.lte(db.serverDate()) }).count()).total).toBe(1);
    expect((await db.collection('items').where({ kind: 'clock', later: _.lte(db.serverDate()) }).count()).total).toBe(0);
    await db.collection('items').doc(_id).update({ data: { at: db.serverDate({ offset: -1000 }) } });
    const moved = (await db.collection('items').doc(_id).get()).data.at.getTime();
    expect(moved).toBeLessThanOrEqual(Date.now() - 1000);
  });
});

describe('collections and indexes', () => {
  it('refuses undeclared collections with -502005, for reads and writes', async () => {
    for (const call of [db.collection('ghosts').add({ data: { a: 1 } }), db.collection('ghosts').get(), db.collection('ghosts').where({ a: 1 }).count(), db.collection('ghosts').doc('x').get()]) {
      const err = await failure(call);
      expect(err.errCode).toBe(-502005);
      expect(err.errMsg).toMatch(/ghosts/);
    }
  });

  it('createCollection makes a usable collection, once', async () => {
    await db.createCollection('made_here');
    const { _id } = await db.collection('made_here').add({ data: { ok: true } });
    expect((await db.collection('made_here').doc(_id).get()).data.ok).toBe(true);
    await expect(db.createCollection('made_here')).rejects.toThrow(/already exists/);
  });

  it('enforces declared unique indexes (E11000, missing field counts as null)', async () => {
    const users = db.collection('users');
    await users.add({ data: { email: 'a@x.cn' } });
    const dup = await failure(users.add({ data: { email: 'a@x.cn' } }));
    expect(dup.errCode).toBe(-502001);
    expect(dup.errMsg).toMatch(/E11000 duplicate key error collection: users index: email/);
    await users.add({ data: { name: 'no email' } });
    expect((await failure(users.add({ data: { name: 'no email either' } }))).errMsg).toMatch(/E11000/);
    const { _id } = await users.add({ data: { email: 'b@x.cn' } });
    expect((await failure(users.doc(_id).update({ data: { email: 'a@x.cn' } }))).errMsg).toMatch(/E11000/);
    expect((await users.doc(_id).get()).data.email).toBe('b@x.cn');
    // A multi-document write that hits a duplicate changes nothing (one SQLite transaction).
    const batch = await failure(users.add({ data: [{ email: 'c@x.cn' }, { email: 'a@x.cn' }] }));
    expect(batch.errCode).toBe(-502001);
    expect((await users.where({ email: 'c@x.cn' }).count()).total).toBe(0);
  });
});

describe('stats', () => {
  it('counts every database request by action', () => {
    const stats = emu.service.stats();
    expect(stats.byAction['database.insertDocument']).toBeGreaterThan(5);
    expect(stats.operations).toBe(Object.values(stats.byAction).reduce((a, b) => a + b, 0));
  });
});
