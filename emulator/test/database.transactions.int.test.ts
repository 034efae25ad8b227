import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Transactions through the real wx-server-sdk: own writes visible inside, atomic commit, rollback, and a
// finished transaction no longer exists (as CloudBase answers: DATABASE_TRANSACTION_FAIL, TransactionNotExist).
// Snapshot isolation and conflicts: database.transactions.isolation.int.test.ts; refused operations:
// database.transactions.refused.int.test.ts; the lifetime: database.transactions.expiry.int.test.ts.
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
});
afterAll(() => emu.close());

const balance = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance;

/** The SDK's rejection (a TcbError with `code` and `message`), failing the test if it resolves. */
async function rejectionOf(p: Promise<unknown>): Promise<{ code?: string; message?: string; errCode?: number; errMsg?: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; message?: string };
  }
  throw new Error('expected the call to be rejected');
}

beforeEach(async () => {
  await db.collection('accounts').doc('alice').set({ data: { balance: 100 } });
  await db.collection('accounts').doc('bob').set({ data: { balance: 0 } });
  await db.collection('accounts').doc('log1').remove();
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
      expect(created._id ?? created.id).toBe('log1');
      expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(70);
      expect((await t.collection('accounts').doc('log1').get()).data.kind).toBe('transfer');
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

  it('reads a missing document as null with throwOnNotFound: false', async () => {
    const lenient = emu.cloud.database({ throwOnNotFound: false });
    await lenient.runTransaction(async (t: WxDatabase) => {
      expect((await t.collection('accounts').doc('nobody').get()).data).toBeNull();
      await t.collection('accounts').doc('bob').remove();
      expect((await t.collection('accounts').doc('bob').get()).data).toBeNull();
      expect((await t.collection('accounts').doc('alice').get()).data).toMatchObject({ _id: 'alice', balance: 100 });
    });
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
    expect(emu.service.openTransactions()).toBe(0);
    // The aborted transactions released their documents: a new one can write them.
    await db.runTransaction(async (t: WxDatabase) => t.collection('accounts').doc('alice').update({ data: { balance: 99 } }));
    expect(await balance('alice')).toBe(99);
  });

  it('applies a commit all or nothing: a unique index violation at commit writes nothing', async () => {
    await db.collection('users').doc('u1').set({ data: { email: 'a@example.com' } });
    const t = await db.startTransaction();
    await t.collection('users').doc('u2').set({ data: { email: 'b@example.com' } });
    await t.collection('users').doc('u3').set({ data: { email: 'a@example.com' } });
    const err = await rejectionOf(t.commit());
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
    expect(err.message).toMatch(/E11000 duplicate key/);
    await expect(db.collection('users').doc('u2').get()).rejects.toThrow(/does not exist/);
    expect(emu.service.openTransactions()).toBe(0);
  });

  it('refuses a duplicate _id added inside a transaction and aborts it, as MongoDB does', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('bob').update({ data: { balance: 5 } });
    const dup = await rejectionOf(t.collection('accounts').add({ data: { _id: 'alice', balance: 1 } }));
    expect(dup.errMsg).toMatch(/E11000 duplicate key/);
    const gone = await rejectionOf(t.commit());
    expect(gone.message).toMatch(/TransactionNotExist/);
    expect(await balance('bob')).toBe(0);
  });
});

describe('a finished transaction no longer exists', () => {
  // commit()/rollback() reject with the SDK's TcbError (`code`); document and collection calls with
  // wx-server-sdk's { errCode, errMsg }, where the code has no errCode of its own (-501001) and only the
  // message tells what happened.
  const expectNotExist = (err: { code?: string; message?: string; errCode?: number; errMsg?: string }): void => {
    if (err.errCode !== undefined) {
      expect(err.errCode).toBe(-501001);
      expect(err.errMsg).toMatch(/ResourceUnavailable\.TransactionNotExist/);
    } else {
      expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
      expect(err.message).toMatch(/ResourceUnavailable\.TransactionNotExist/);
    }
  };

  it('after commit: reads, writes, commit and rollback fail with TransactionNotExist', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await t.commit();
    expectNotExist(await rejectionOf(t.collection('accounts').doc('alice').get()));
    expectNotExist(await rejectionOf(t.collection('accounts').doc('bob').update({ data: { balance: 9 } })));
    expectNotExist(await rejectionOf(t.collection('accounts').add({ data: { balance: 9 } })));
    expectNotExist(await rejectionOf(t.commit()));
    expectNotExist(await rejectionOf(t.rollback()));
    expect(await balance('alice')).toBe(1);
    expect(await balance('bob')).toBe(0);
  });

  it('after abort: the same, and nothing of it was applied', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await t.rollback();
    expectNotExist(await rejectionOf(t.collection('accounts').doc('alice').set({ data: { balance: 2 } })));
    expectNotExist(await rejectionOf(t.collection('accounts').doc('alice').remove()));
    expectNotExist(await rejectionOf(t.commit()));
    expect(await balance('alice')).toBe(100);
  });
});
