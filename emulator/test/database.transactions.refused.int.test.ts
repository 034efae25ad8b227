import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// CloudBase allows only single-document operations in a transaction: collection.doc(id).get / set /
// update / remove and collection.add. wx-server-sdk still sends where().get(), where().updateAndReturn()
// and add([...]) with the transactionId; the local cloud refuses them (changing nothing), so code relying
// on them fails here as it would in production. where().update(), where().remove(), count() and
// aggregate() on a transaction's collection are sent WITHOUT the transactionId by the SDK: they are not
// part of the transaction at all (applied at once, never rolled back), on CloudBase as here.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
});
afterAll(() => emu.close());

const NOT_ALLOWED = /not allowed in a transaction/;

async function snapshot(): Promise<unknown[]> {
  return (await db.collection('items').orderBy('_id', 'asc').get()).data;
}

beforeEach(async () => {
  await db.collection('items').where({ kind: db.command.exists(true) }).remove();
  await db.collection('items').add({ data: [{ _id: 'i1', kind: 'a', n: 1 }, { _id: 'i2', kind: 'a', n: 2 }, { _id: 'i3', kind: 'b', n: 3 }] });
});

const errorText = (err: unknown): string => {
  const e = err as { errMsg?: string; message?: string };
  return String(e.errMsg ?? e.message);
};

describe('operations refused inside a transaction', () => {
  const refused: [string, (t: WxDatabase) => Promise<unknown>][] = [
    ['where().get()', (t) => t.collection('items').where({ kind: 'a' }).get()],
    ['where().get()', (t) => t.collection('items').where({ _id: 'i1' }).get()],
    ['add() of several documents', (t) => t.collection('items').add({ data: [{ _id: 'i4' }, { _id: 'i5' }] })],
  ];

  it.each(refused)('%s fails with a clear message and changes nothing', async (what, call) => {
    const before = await snapshot();
    const t = await db.startTransaction();
    await t.collection('items').doc('i3').update({ data: { touched: true } });
    const message = await call(t).then(
      () => 'resolved',
      (err: unknown) => errorText(err),
    );
    expect(message).toMatch(NOT_ALLOWED);
    expect(message).toContain(what);
    // The transaction is still usable: the refusal did not abort it, and nothing refused was applied.
    expect((await t.collection('items').doc('i3').get()).data.touched).toBe(true);
    await t.commit();
    const after = (await snapshot()) as { _id: string; touched?: boolean }[];
    expect(after.map(({ touched: _t, ...rest }) => rest)).toEqual(before);
    expect(after.find((d) => d._id === 'i3')?.touched).toBe(true);
  });

  // Requests wx-server-sdk does not send with a transactionId (its query builder leaves it out, or has no
  // such method on a transaction), sent with one through the SDK's own transport (the wrapped
  // @cloudbase/database transaction), as another SDK version or a hand-made request would: refused too.
  const rawRefused: [string, string, Record<string, unknown>][] = [
    ['count()', 'database.calculateDocument', { query: '{"kind":"a"}', queryType: 'WHERE' }],
    ['aggregate()', 'database.aggregateDocuments', { stages: [{ stageKey: '$match', stageValue: '{"kind":"a"}' }] }],
    ['where().update()', 'database.modifyDocument', { query: '{"kind":"a"}', queryType: 'WHERE', multi: true, merge: true, data: '{"$set":{"n":0}}' }],
    ['where().remove()', 'database.removeDocument', { query: '{"kind":"b"}', queryType: 'WHERE', multi: true }],
    ['where().updateAndReturn()', 'database.modifyAndReturnDoc', { query: '{"_id":"i1"}', queryType: 'WHERE', data: '{"$set":{"n":9}}' }],
    ['a multi-document update()', 'database.modifyDocument', { query: '{"_id":"i1"}', queryType: 'DOC', multi: true, merge: true, data: '{"$set":{"n":0}}' }],
    ['remove() without a document id', 'database.removeDocument', { query: '{"kind":"b"}', queryType: 'DOC', multi: false }],
  ];

  it.each(rawRefused)('%s carrying a transactionId is refused with DATABASE_REQUEST_FAILED', async (what, action, params) => {
    const before = await snapshot();
    const t = await db.startTransaction();
    const inner = t._transaction;
    const err = await inner.getRequestMethod().send(action, { collectionName: 'items', transactionId: inner.getTransactionId(), ...params }).then(
      () => ({ code: 'resolved', message: '' }),
      (e: { code?: string; message?: string }) => e,
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
    expect(err.message).toMatch(NOT_ALLOWED);
    expect(err.message).toContain(what);
    await t.commit();
    expect(await snapshot()).toEqual(before);
  });

  it('a runTransaction callback using where().get() is rejected and its transaction rolled back', async () => {
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('items').doc('i1').update({ data: { n: 100 } });
        return t.collection('items').where({ kind: 'a' }).get();
      }),
    ).rejects.toMatchObject({ errMsg: expect.stringMatching(NOT_ALLOWED) });
    expect(emu.service.openTransactions()).toBe(0);
    expect((await db.collection('items').doc('i1').get()).data.n).toBe(1);
  });

  it('still allows every single-document operation and add() of one document', async () => {
    const _ = db.command;
    await db.runTransaction(async (t: WxDatabase) => {
      expect((await t.collection('items').doc('i1').get()).data.n).toBe(1);
      await t.collection('items').doc('i1').update({ data: { n: _.inc(10) } });
      await t.collection('items').doc('i2').set({ data: { kind: 'c' } });
      await t.collection('items').doc('i3').remove();
      await t.collection('items').add({ data: { _id: 'i4', kind: 'd' } });
      await t.collection('items').add({ data: [{ _id: 'i5', kind: 'e' }] });
    });
    expect(await snapshot()).toEqual([
      { _id: 'i1', kind: 'a', n: 11 },
      { _id: 'i2', kind: 'c' },
      { _id: 'i4', kind: 'd' },
      { _id: 'i5', kind: 'e' },
    ]);
  });
});

describe('query-builder writes and counts are not part of a transaction (the SDK sends no transactionId)', () => {
  it('where().update() and where().remove() on t.collection() apply at once and survive the rollback', async () => {
    const t = await db.startTransaction();
    await t.collection('items').add({ data: { _id: 'i9', kind: 'z' } });
    await t.collection('items').where({ kind: 'a' }).update({ data: { n: 0 } });
    await t.collection('items').where({ kind: 'b' }).remove();
    // Visible outside before the transaction ends, and not undone by the rollback.
    expect((await db.collection('items').doc('i2').get()).data.n).toBe(0);
    await t.rollback();
    expect(await snapshot()).toEqual([
      { _id: 'i1', kind: 'a', n: 0 },
      { _id: 'i2', kind: 'a', n: 0 },
    ]);
  });

  it('count() on t.collection() counts the committed data, not the transaction’s view', async () => {
    const t = await db.startTransaction();
    await t.collection('items').add({ data: { _id: 'i9', kind: 'a' } });
    expect((await t.collection('items').where({ kind: 'a' }).count()).total).toBe(2);
    await t.commit();
    expect((await db.collection('items').where({ kind: 'a' }).count()).total).toBe(3);
  });
});
