import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// CloudBase transactions run on MongoDB snapshot transactions: reads see the snapshot taken at start
// (plus the transaction's own writes); conflicts are write–write only; a document only read never fails
// a commit, so write skew is possible. Driven through the real wx-server-sdk.
let emu: DatabaseEmulator;
let db: WxDatabase;
let lenient: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
  lenient = emu.cloud.database({ throwOnNotFound: false });
});
afterAll(() => emu.close());

const accounts = () => db.collection('accounts');
const balance = async (id: string): Promise<number> => (await accounts().doc(id).get()).data.balance;
const CONFLICT = /transaction conflict/i;

beforeEach(async () => {
  await accounts().doc('alice').set({ data: { balance: 100 } });
  await accounts().doc('bob').set({ data: { balance: 0 } });
  await accounts().doc('carol').remove();
  expect(emu.service.openTransactions()).toBe(0);
});

describe('snapshot reads', () => {
  it('a transaction reads a document as it was at start, after another writer changed it', async () => {
    const t = await lenient.startTransaction();
    await accounts().doc('alice').update({ data: { balance: 50 } });
    await accounts().doc('bob').remove();
    expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(100);
    // Removed by another writer after start: still there in the snapshot.
    expect((await t.collection('accounts').doc('bob').get()).data).toMatchObject({ _id: 'bob', balance: 0 });
    await t.commit();
    expect(await balance('alice')).toBe(50);
  });

  it('a document added by others after start is invisible inside', async () => {
    const t = await lenient.startTransaction();
    await accounts().add({ data: { _id: 'carol', balance: 7 } });
    expect((await t.collection('accounts').doc('carol').get()).data).toBeNull();
    await t.rollback();
    // The default database throws for a missing document, as outside a transaction.
    const strict = await db.startTransaction();
    await accounts().doc('carol').set({ data: { balance: 8 } });
    await accounts().doc('alice').remove();
    await expect(strict.collection('accounts').doc('alice').get()).resolves.toMatchObject({ data: { balance: 100 } });
    await strict.rollback();
  });

  it('sees its own writes over the snapshot, and a later start sees the committed state', async () => {
    const _ = db.command;
    const t = await lenient.startTransaction();
    await accounts().doc('alice').update({ data: { balance: 60 } }); // after t's snapshot
    await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(5) } });
    expect((await t.collection('accounts').doc('bob').get()).data.balance).toBe(5);
    await t.collection('accounts').doc('bob').remove();
    expect((await t.collection('accounts').doc('bob').get()).data).toBeNull();
    await t.collection('accounts').doc('bob').set({ data: { balance: 9, again: true } });
    expect((await t.collection('accounts').doc('bob').get()).data).toMatchObject({ balance: 9, again: true });
    expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(100);
    await t.commit();
    const later = await lenient.startTransaction();
    expect((await later.collection('accounts').doc('alice').get()).data.balance).toBe(60);
    expect((await later.collection('accounts').doc('bob').get()).data).toMatchObject({ balance: 9, again: true });
    await later.rollback();
  });

  it('a transaction does not see another transaction’s commit that came after its start', async () => {
    const t1 = await lenient.startTransaction();
    const t2 = await lenient.startTransaction();
    await t2.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await t2.collection('accounts').add({ data: { _id: 'carol', balance: 2 } });
    await t2.commit();
    expect((await t1.collection('accounts').doc('alice').get()).data.balance).toBe(100);
    expect((await t1.collection('accounts').doc('carol').get()).data).toBeNull();
    await t1.commit();
    expect(await balance('alice')).toBe(1);
  });
});

describe('documents with number _ids', () => {
  it('are read from the snapshot, written and conflict like string ids', async () => {
    await db.collection('items').add({ data: { _id: 7, n: 1 } });
    const t1 = await lenient.startTransaction();
    const t2 = await lenient.startTransaction();
    await db.collection('items').doc(7).update({ data: { n: 2 } });
    expect((await t1.collection('items').doc(7).get()).data).toMatchObject({ _id: 7, n: 1 });
    await expect(t1.collection('items').doc(7).update({ data: { n: 3 } })).rejects.toThrow(CONFLICT);
    await t2.collection('items').add({ data: { _id: 8, n: 8 } });
    expect((await t2.collection('items').doc(8).get()).data).toMatchObject({ _id: 8, n: 8 });
    await t2.commit();
    expect((await db.collection('items').doc(8).get()).data).toMatchObject({ _id: 8, n: 8 });
    expect((await db.collection('items').doc(7).get()).data).toMatchObject({ _id: 7, n: 2 });
  });
});

describe('write–write conflicts', () => {
  it('of two open transactions writing one document, the second writer fails at once', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await expect(t2.collection('accounts').doc('alice').update({ data: { balance: 2 } })).rejects.toThrow(CONFLICT);
    // The conflict aborted t2 (MongoDB aborts a transaction on a write conflict).
    await expect(t2.commit()).rejects.toThrow(/TransactionNotExist/);
    await t1.commit();
    expect(await balance('alice')).toBe(1);
  });

  it('the other order: the later-started transaction writes first, and the earlier one fails', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t2.collection('accounts').doc('alice').remove();
    await expect(t1.collection('accounts').doc('alice').set({ data: { balance: 3 } })).rejects.toThrow(CONFLICT);
    await t2.commit();
    await expect(accounts().doc('alice').get()).rejects.toThrow(/does not exist/);
  });

  it('two transactions adding the same new _id conflict', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('accounts').add({ data: { _id: 'carol', balance: 1 } });
    await expect(t2.collection('accounts').add({ data: { _id: 'carol', balance: 2 } })).rejects.toThrow(CONFLICT);
    await t1.commit();
    expect(await balance('carol')).toBe(1);
  });

  it('a write to a document someone committed after the start fails, even once that commit is done', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t2.collection('accounts').doc('bob').update({ data: { balance: 5 } });
    await t2.commit();
    await expect(t1.collection('accounts').doc('bob').update({ data: { balance: 6 } })).rejects.toThrow(CONFLICT);
    const t3 = await db.startTransaction();
    await accounts().doc('alice').update({ data: { balance: 7 } }); // a plain write after t3's start
    await expect(t3.collection('accounts').doc('alice').update({ data: { balance: 8 } })).rejects.toThrow(CONFLICT);
    expect(await balance('bob')).toBe(5);
    expect(await balance('alice')).toBe(7);
  });

  it('a write to a document a plain writer changed after the start, before the commit, still conflicts', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('alice').update({ data: { balance: 8 } });
    await accounts().doc('bob').update({ data: { balance: 7 } });
    await expect(t.collection('accounts').doc('bob').update({ data: { balance: 8 } })).rejects.toThrow(CONFLICT);
    expect(await balance('bob')).toBe(7);
    expect(await balance('alice')).toBe(100);
    expect(emu.service.openTransactions()).toBe(0);
  });

  it('wx-server-sdk’s runTransaction does not retry a conflict: the caller sees it', async () => {
    const holder = await db.startTransaction();
    await holder.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    let calls = 0;
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        calls += 1;
        await t.collection('accounts').doc('alice').update({ data: { balance: 2 } });
      }),
    ).rejects.toThrow(CONFLICT);
    expect(calls).toBe(1);
    await holder.commit();
    expect(await balance('alice')).toBe(1);
    expect(emu.service.openTransactions()).toBe(0);
  });
});

describe('reads never conflict', () => {
  it('a document only read, changed meanwhile by another writer, does not fail the commit', async () => {
    const t = await db.startTransaction();
    const read = await t.collection('accounts').doc('alice').get();
    await t.collection('accounts').doc('bob').update({ data: { balance: read.data.balance } });
    await accounts().doc('alice').update({ data: { balance: 50 } });
    await t.commit();
    expect(await balance('alice')).toBe(50);
    expect(await balance('bob')).toBe(100);
  });

  it('allows write skew: two transactions each read A and B and write different documents', async () => {
    // Each withdraws 150 from its own account "because alice + bob = 200 allows it": each view keeps the
    // sum >= 0, together they break it. MongoDB commits both; only a write to a shared document prevents it.
    await accounts().doc('bob').set({ data: { balance: 100 } });
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    for (const t of [t1, t2]) {
      const a = (await t.collection('accounts').doc('alice').get()).data.balance;
      const b = (await t.collection('accounts').doc('bob').get()).data.balance;
      expect(a + b).toBe(200);
    }
    await t1.collection('accounts').doc('alice').update({ data: { balance: -50 } });
    await t2.collection('accounts').doc('bob').update({ data: { balance: -50 } });
    await t1.commit();
    await t2.commit();
    expect((await balance('alice')) + (await balance('bob'))).toBe(-100);
  });
});

/** Whether a promise has settled within `ms` (without consuming its outcome). */
async function settledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, ms));
  return settled;
}

describe('plain writes to a document an open transaction wrote wait for it, as in MongoDB', () => {
  it('an update waits for the commit, then applies on top of it; reads do not wait', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('bob').update({ data: { balance: 8, by: 'transaction' } });
    const plain = accounts().doc('bob').update({ data: { balance: 7 } });
    expect(await settledWithin(plain, 150)).toBe(false);
    expect(await balance('bob')).toBe(0); // a read does not wait and sees the committed state
    await t.commit();
    await expect(plain).resolves.toMatchObject({ stats: { updated: 1 } });
    expect((await accounts().doc('bob').get()).data).toMatchObject({ balance: 7, by: 'transaction' });
  });

  it('a removal waits for the abort, then applies', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    const plain = accounts().doc('alice').remove();
    expect(await settledWithin(plain, 100)).toBe(false);
    await t.rollback();
    await expect(plain).resolves.toMatchObject({ stats: { removed: 1 } });
    await expect(accounts().doc('alice').get()).rejects.toThrow(/does not exist/);
  });

  it('an add of the _id a transaction is adding waits, then fails as a duplicate once it committed', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').add({ data: { _id: 'carol', balance: 1 } });
    const plain = accounts().add({ data: { _id: 'carol', balance: 2 } });
    expect(await settledWithin(plain, 100)).toBe(false);
    await t.commit();
    await expect(plain).rejects.toThrow(/E11000 duplicate key/);
    expect(await balance('carol')).toBe(1);
  });

  it('a multi-document where().update() touching one waits as a whole and updates every match after', async () => {
    await accounts().doc('carol').set({ data: { balance: 0 } });
    const t = await db.startTransaction();
    await t.collection('accounts').doc('bob').update({ data: { balance: 5 } });
    const plain = accounts().where({ balance: db.command.lt(10) }).update({ data: { flagged: true } });
    expect(await settledWithin(plain, 100)).toBe(false);
    expect((await accounts().doc('carol').get()).data.flagged).toBeUndefined(); // nothing applied while waiting
    await t.commit();
    await expect(plain).resolves.toMatchObject({ stats: { updated: 2 } });
    expect((await accounts().doc('bob').get()).data).toMatchObject({ balance: 5, flagged: true });
  });
});
