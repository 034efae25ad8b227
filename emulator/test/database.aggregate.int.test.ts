import { startDatabaseEmulator, type DatabaseEmulator, type WxDatabase } from './sdk';

// Aggregation pipelines through the real wx-server-sdk (`collection.aggregate()…end()`).
let emu: DatabaseEmulator;
let db: WxDatabase;
beforeAll(async () => {
  emu = await startDatabaseEmulator();
  db = emu.db;
  await db.collection('users').add({ data: [{ _id: 'u1', name: 'Ann', email: 'ann@x' }, { _id: 'u2', name: 'Bo', email: 'bo@x' }, { _id: 'u3', name: 'Cy', email: 'cy@x' }] });
  await db.collection('orders').add({
    data: [
      { userId: 'u1', amount: 10, items: ['pen', 'ink'], at: new Date('2024-01-01T00:00:00Z') },
      { userId: 'u1', amount: 30, items: ['book'], at: new Date('2024-02-01T00:00:00Z') },
      { userId: 'u2', amount: 5, items: ['pen'], at: new Date('2024-03-01T00:00:00Z') },
      { userId: 'u9', amount: 7, items: [], at: new Date('2024-04-01T00:00:00Z') },
    ],
  });
});
afterAll(() => emu.close());

describe('aggregate', () => {
  it('matches, groups, sorts and projects', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('orders')
      .aggregate()
      .match({ amount: db.command.gt(6) })
      .group({ _id: '$userId', total: $.sum('$amount'), orders: $.sum(1), last: $.max('$at') })
      .sort({ total: -1 })
      .project({ _id: 0, userId: '$_id', total: 1, orders: 1, last: 1 })
      .end();
    expect(res.list).toEqual([
      { userId: 'u1', total: 40, orders: 2, last: new Date('2024-02-01T00:00:00Z') },
      { userId: 'u9', total: 7, orders: 1, last: new Date('2024-04-01T00:00:00Z') },
    ]);
    expect(res.list[0].last).toBeInstanceOf(Date);
  });

  it('joins another collection with $lookup and flattens with $unwind', async () => {
    const res = await db
      .collection('orders')
      .aggregate()
      .lookup({ from: 'users', localField: 'userId', foreignField: '_id', as: 'user' })
      .unwind('$user')
      .sort({ amount: 1 })
      .project({ _id: 0, amount: 1, name: '$user.name' })
      .end();
    expect(res.list).toEqual([
      { amount: 5, name: 'Bo' },
      { amount: 10, name: 'Ann' },
      { amount: 30, name: 'Ann' },
    ]);
  });

  it('joins only what a matched document can meet, by any foreign field', async () => {
    // The emulator reads just the foreign documents a leading $match + $lookup can join; the answer is the same.
    const res = await db
      .collection('users')
      .aggregate()
      .match({ _id: db.command.in(['u1', 'u3']) })
      .lookup({ from: 'orders', localField: '_id', foreignField: 'userId', as: 'orders' })
      .project({ _id: 1, amounts: '$orders.amount' })
      .sort({ _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'u1', amounts: [10, 30] },
      { _id: 'u3', amounts: [] },
    ]);
  });

  it('unwinds arrays, skips, limits and counts', async () => {
    const res = await db.collection('orders').aggregate().unwind('$items').sort({ items: 1, amount: 1 }).skip(1).limit(2).project({ _id: 0, items: 1 }).end();
    expect(res.list).toEqual([{ items: 'ink' }, { items: 'pen' }]);
    const counted = await db.collection('orders').aggregate().unwind('$items').count('n').end();
    expect(counted.list).toEqual([{ n: 4 }]);
  });

  // wx-server-sdk reports aggregate failures with errCode -1 but keeps the CloudBase code.
  it('refuses a $lookup into an undeclared collection and an aggregate on one', async () => {
    const notExist = { code: 'DATABASE_COLLECTION_NOT_EXIST', errMsg: expect.stringMatching(/ghosts/) };
    await expect(db.collection('orders').aggregate().lookup({ from: 'ghosts', localField: 'userId', foreignField: '_id', as: 'g' }).end()).rejects.toMatchObject(notExist);
    await expect(db.collection('ghosts').aggregate().match({}).end()).rejects.toMatchObject(notExist);
  });
});
