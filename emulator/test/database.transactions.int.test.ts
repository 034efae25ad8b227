import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Transactions through the real wx-server-sdk: own writes visible inside, atomic commit, rollback,
// conflicts with other transactions and other writers, and the 30 s lifetime.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
});
afterAll(() => emu.close());

const balance = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance;

beforeEach(async () => {
  await db.collection('accounts').doc('alice').set({ data: { balance: 100 } });
  await db.collection('accounts').doc('bob').set({ data: { balance: 0 } });
});

describe('transactions', () => {
  it('commits all writes at once; reads inside see the transaction’s own writes', async () => {
    const _ = db.command;
    const result = await db.runTransaction(async (t: WxDatabase) => {
      const alice = await t.collection('accounts').doc('alice').get();
      expect(alice.data).toMatchObject({ _id: 'alice', balance: 100 });
      await t.collection('accounts').doc('alice').update({ data: { balance: _.inc(-30) } });
      await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(30) } });
      const created = await t.collection('accounts').add({ data: { _id: 'log1', kind: 'transfer' } });
      expect(created._id).toBe('log1');
      expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(70);
      const inside = await t.collection('accounts').where({ kind: 'transfer' }).get();
      expect(inside.data.map((d: { _id: string }) => d._id)).toEqual(['log1']);
      // Not visible outside before commit.
      expect(await balance('alice')).toBe(100);
      await expect(db.collection('accounts').doc('log1').get()).rejects.toThrow(/does not exist/);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await balance('alice')).toBe(70);
    expect(await balance('bob')).toBe(30);
    expect((await db.collection('accounts').doc('log1').get()).data.kind).toBe('transfer');
  });

  it('set inside a transaction reports created 0, and remove is applied at commit', async () => {
    const res = await db.runTransaction(async (t: WxDatabase) => {
      const set = await t.collection('accounts').doc('carol').set({ data: { balance: 5 } });
      await t.collection('accounts').doc('bob').remove();
      await expect(t.collection('accounts').doc('bob').get()).rejects.toThrow();
      return set;
    });
    expect(res.stats).toMatchObject({ created: 0 });
    expect(await balance('carol')).toBe(5);
    await expect(db.collection('accounts').doc('bob').get()).rejects.toThrow(/does not exist/);
  });

  it('discards everything when the callback throws or rolls back', async () => {
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
        await t.rollback('not enough');
      }),
    ).rejects.toBe('not enough');
    expect(await balance('alice')).toBe(100);
    // The aborted transactions released their documents: a new one can write them.
    await db.runTransaction(async (t: WxDatabase) => t.collection('accounts').doc('alice').update({ data: { balance: 99 } }));
    expect(await balance('alice')).toBe(99);
  });

  it('fails a write to a document another open transaction wrote, at once', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await expect(t2.collection('accounts').doc('alice').update({ data: { balance: 2 } })).rejects.toThrow(/DATABASE_TRANSACTION_CONFLICT|conflict/i);
    await t1.commit();
    await t2.rollback();
    expect(await balance('alice')).toBe(1);
  });

  it('fails the commit when another writer changed a document the transaction read', async () => {
    const t = await db.startTransaction();
    const read = await t.collection('accounts').doc('alice').get();
    await t.collection('accounts').doc('bob').update({ data: { balance: read.data.balance } });
    await db.collection('accounts').doc('alice').update({ data: { balance: 50 } });
    await expect(t.commit()).rejects.toThrow(/conflict/i);
    expect(await balance('alice')).toBe(50);
    expect(await balance('bob')).toBe(0);
  });

  it('fails a write at once when the document changed since the transaction started', async () => {
    const t = await db.startTransaction();
    await db.collection('accounts').doc('bob').update({ data: { balance: 7 } });
    await expect(t.collection('accounts').doc('bob').update({ data: { balance: 8 } })).rejects.toThrow(/conflict/i);
    await t.rollback();
    expect(await balance('bob')).toBe(7);
  });

  it('forgets a transaction after 30 s', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('alice').update({ data: { balance: 3 } });
    const realNow = Date.now;
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
    try {
      await expect(t.commit()).rejects.toThrow(/does not exist/);
    } finally {
      spy.mockRestore();
    }
    expect(await balance('alice')).toBe(100);
    // Its claim on the document is gone too.
    await db.runTransaction(async (t2: WxDatabase) => t2.collection('accounts').doc('alice').update({ data: { balance: 4 } }));
    expect(await balance('alice')).toBe(4);
  });
});
