import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeDoc, type Doc } from './ejson';
import { indexLookupSql, planQuery, type Plan } from './planner';
import type { CollectionSpec } from './spec';
import { Store, type Collection } from './store';

/** The query plan SQLite chose for a candidate lookup (the index must be used, not a scan). */
function explain(store: Store, c: Collection, plan: Plan): string {
  if (plan.kind !== 'index') return plan.kind;
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${indexLookupSql(c.table, plan.fields)}`).all(...plan.values) as { detail: string }[];
  return rows.map((r) => r.detail).join('; ');
}

const votes: CollectionSpec = {
  name: 'votes',
  permission: 'ADMINONLY',
  indexes: [
    { name: 'voter_day', unique: false, keys: [{ field: 'voterId', direction: 1 }, { field: 'day', direction: 1 }] },
    { name: 'email', unique: true, keys: [{ field: 'email', direction: 1 }] },
  ],
};

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
  store = new Store(dir);
  store.open([votes]);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const put = (doc: Doc) => store.insert(store.get('votes')!, doc._id as string, doc, encodeDoc(doc));

describe('SQLite store', () => {
  it('answers equality on a declared index prefix through that index, not a scan', () => {
    const c = store.get('votes')!;
    for (let i = 0; i < 50; i++) put({ _id: `v${i}`, voterId: `u${i % 5}`, day: `d${i % 2}`, email: `e${i}` });
    const plan = planQuery({ voterId: 'u1', day: 'd1' }, c.indexes, c.multikey);
    expect(explain(store, c, plan)).toMatch(/USING INDEX ix_t1_voter_day/);
    expect([...store.candidates(c, plan)].map((r) => r.id)).toEqual(['v1', 'v11', 'v21', 'v31', 'v41']);
  });

  it('enforces unique indexes with an E11000 error, counting missing fields as null', () => {
    put({ _id: 'a', email: 'x@y' });
    expect(() => put({ _id: 'b', email: 'x@y' })).toThrow(/E11000 duplicate key error collection: votes index: email/);
    put({ _id: 'c' });
    expect(() => put({ _id: 'd', email: null })).toThrow(/E11000/);
    expect(() => put({ _id: 'a', email: 'other' })).toThrow(/index: _id_/);
  });

  it('remembers, across restarts, that an indexed path held an array', () => {
    put({ _id: 'a', voterId: ['u1', 'u2'], email: 'e' });
    expect(store.get('votes')!.multikey.has('voterId')).toBe(true);
    store.close();
    store = new Store(dir);
    store.open([votes]);
    const c = store.get('votes')!;
    expect(planQuery({ voterId: 'u1' }, c.indexes, c.multikey)).toEqual({ kind: 'scan' });
  });

  it('keeps created collections and their data across restarts; undeclared ones do not exist', () => {
    expect(store.create('extra')).toBe(true);
    expect(store.create('extra')).toBe(false);
    const extra = store.get('extra')!;
    store.insert(extra, 'k', { _id: 'k' }, '{"_id":"k"}');
    store.close();
    store = new Store(dir);
    store.open([]);
    expect(store.get('votes')).toBeUndefined();
    expect(store.byId(store.get('extra')!, 'k')?.data).toBe('{"_id":"k"}');
  });

  it('recreates an index whose definition changed in the spec and refuses one existing data violates', () => {
    put({ _id: 'a', voterId: 'u', day: 'd', email: '1' });
    put({ _id: 'b', voterId: 'u', day: 'd', email: '2' });
    store.close();
    store = new Store(dir);
    const changed: CollectionSpec = { ...votes, indexes: [{ ...votes.indexes[0], unique: true }] };
    expect(() => store.open([changed])).toThrow(/cannot create index voter_day on votes/);
    store.close();
    store = new Store(dir);
    store.open([{ ...votes, indexes: [votes.indexes[0]] }]);
    put({ _id: 'c', email: '1' }); // the dropped unique index no longer applies
    expect(store.count(store.get('votes')!)).toBe(3);
  });

  it('gives every write a higher version than the last, also after a restart', () => {
    const v1 = put({ _id: 'a', email: 'a' });
    store.close();
    store = new Store(dir);
    store.open([votes]);
    expect(put({ _id: 'b', email: 'b' })).toBeGreaterThan(v1);
  });

  it('reports committed changes with the row they replaced, only while watched and only once committed', () => {
    const c = store.get('votes')!;
    const seen: { id: string; before?: string; version: number }[] = [];
    let watching = false;
    store.observe({ active: () => watching, changed: (_c, id, before, version) => seen.push({ id, before: before?.data, version }) });
    put({ _id: 'a', email: 'a' });
    expect(seen).toEqual([]); // nobody watching: no previous-row lookups, no reports
    watching = true;
    const v = store.transaction(() => {
      const version = store.replace(c, 'a', { _id: 'a', email: 'a2' }, '{"_id":"a","email":"a2"}');
      put({ _id: 'b', email: 'b' });
      expect(seen).toEqual([]); // not before the SQLite transaction commits
      return version;
    });
    expect(seen).toEqual([
      { id: 'a', before: '{"_id":"a","email":"a"}', version: v },
      { id: 'b', before: undefined, version: v + 1 },
    ]);
    seen.length = 0;
    // A rolled-back transaction reports nothing; a removal reports the removed row.
    expect(() =>
      store.transaction(() => {
        store.remove(c, 'a');
        put({ _id: 'b', email: 'dup' });
      }),
    ).toThrow(/E11000/);
    expect(seen).toEqual([]);
    expect(store.byId(c, 'a')).toBeDefined();
    const removed = store.remove(c, 'a');
    expect(seen).toEqual([{ id: 'a', before: '{"_id":"a","email":"a2"}', version: removed }]);
  });
});
