import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// A CloudBase transaction not committed or aborted within 30 s no longer exists. The lifetime is shortened
// here through YANZHEN_TRANSACTION_LIFETIME_MS (read when the database service starts) to keep the test fast.
const LIFETIME_MS = 300;
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  process.env.YANZHEN_TRANSACTION_LIFETIME_MS = String(LIFETIME_MS);
  emu = await startDatabaseEmulator();
  delete process.env.YANZHEN_TRANSACTION_LIFETIME_MS;
  db = emu.db;
});
afterAll(() => emu.close());

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const balance = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance;

it('an expired transaction no longer exists: its writes are dropped and its documents released', async () => {
  await db.collection('accounts').doc('alice').set({ data: { balance: 100 } });
  const t = await db.startTransaction();
  await t.collection('accounts').doc('alice').update({ data: { balance: 3 } });
  // Within its lifetime another transaction writing the same document conflicts.
  await expect(db.runTransaction(async (t2: WxDatabase) => t2.collection('accounts').doc('alice').update({ data: { balance: 5 } }))).rejects.toThrow(
    /transaction conflict/i,
  );
  await sleep(LIFETIME_MS + 100);
  await expect(t.collection('accounts').doc('alice').get()).rejects.toThrow(/TransactionNotExist/);
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/ResourceUnavailable\.TransactionNotExist/) });
  expect(await balance('alice')).toBe(100);
  // Its claim on the document is gone too.
  await db.runTransaction(async (t2: WxDatabase) => t2.collection('accounts').doc('alice').update({ data: { balance: 4 } }));
  expect(await balance('alice')).toBe(4);
  expect(emu.service.openTransactions()).toBe(0);
});

it('a transaction used within its lifetime commits normally', async () => {
  const t = await db.startTransaction();
  await sleep(LIFETIME_MS / 3);
  await t.collection('accounts').doc('alice').update({ data: { balance: 9 } });
  await t.commit();
  expect(await balance('alice')).toBe(9);
});

it('a plain write waiting for a transaction that is never ended runs once the transaction expires', async () => {
  await db.collection('accounts').doc('bob').set({ data: { balance: 0 } });
  const t = await db.startTransaction();
  await t.collection('accounts').doc('bob').update({ data: { balance: 1 } });
  const started = Date.now();
  // The trap this shows: where().update() on the transaction's collection is sent as a plain write, so it
  // waits for the very transaction its caller holds open, until that expires (30 s on CloudBase).
  await t.collection('accounts').where({ _id: 'bob' }).update({ data: { balance: 2 } });
  expect(Date.now() - started).toBeGreaterThanOrEqual(LIFETIME_MS / 2);
  expect(await balance('bob')).toBe(2);
  await expect(t.commit()).rejects.toThrow(/TransactionNotExist/);
});
