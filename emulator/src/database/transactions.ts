import { randomBytes } from 'node:crypto';
import { assert, EmulatorError } from '../errors';
import { encodeDoc, type Doc } from './ejson';
import { planQuery } from './planner';
import { Loaded, type Filter, type Session } from './session';
import type { Collection, Store } from './store';

/**
 * Emulated CloudBase transactions. A transaction spans several HTTP requests, so it must not hold
 * SQLite's write lock: its writes are kept aside (reads see them), and at commit they are applied in one
 * SQLite transaction. Conflicts follow MongoDB's snapshot transactions as far as they can be observed:
 * - a write to a document another open transaction has written fails at once;
 * - a write to a document changed by someone else since this transaction started fails at once;
 * - at commit, any document this transaction read or wrote that changed since it started fails it.
 * Transactions live 30 s, as in CloudBase; after that they no longer exist.
 */

export const TRANSACTION_LIFETIME_MS = 30_000;

interface PendingWrite {
  c: Collection;
  id: string;
  /** Stored text of the new document; null for a removal. */
  text: string | null;
  doc: Doc | null;
}

interface Tx {
  id: string;
  startVersion: number;
  startedAt: number;
  touched: Map<string, { c: Collection; id: string }>;
  writes: Map<string, PendingWrite>;
}

const keyOf = (c: Collection, id: string): string => `${c.table}\u0000${id}`;

function conflict(c: Collection, id: string): EmulatorError {
  return new EmulatorError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict on ${c.name}/${id}: the document was changed by another writer`);
}

export class Transactions {
  private readonly open = new Map<string, Tx>();
  /** Document key → id of the open transaction that has a pending write on it. */
  private readonly locks = new Map<string, string>();
  /** Document key → version of its deletion; kept only while some transaction is open. */
  private readonly tombstones = new Map<string, number>();

  constructor(private readonly store: Store) {}

  start(): string {
    this.sweep();
    const tx: Tx = {
      id: randomBytes(12).toString('hex'),
      startVersion: this.store.currentVersion(),
      startedAt: Date.now(),
      touched: new Map(),
      writes: new Map(),
    };
    this.open.set(tx.id, tx);
    return tx.id;
  }

  session(txId: string, now: number): Session {
    return new TxSession(this, this.store, this.get(txId), now);
  }

  commit(txId: string): void {
    const tx = this.get(txId);
    try {
      this.store.transaction(() => {
        for (const { c, id } of tx.touched.values()) if (this.lastChange(c, id) > tx.startVersion) throw conflict(c, id);
        for (const w of tx.writes.values()) {
          const exists = this.store.byId(w.c, w.id) !== undefined;
          if (w.text === null || w.doc === null) {
            if (exists) this.noteWrite(w.c, w.id, this.store.remove(w.c, w.id), true);
          } else if (exists) this.store.replace(w.c, w.id, w.doc, w.text);
          else this.store.insert(w.c, w.id, w.doc, w.text);
        }
      });
    } finally {
      this.end(tx);
    }
  }

  abort(txId: string): void {
    this.end(this.get(txId));
  }

  /** Every committed write outside a transaction's own commit passes here (deletions leave a tombstone). */
  noteWrite(c: Collection, id: string, version: number, deleted: boolean): void {
    if (deleted && this.open.size > 0) this.tombstones.set(keyOf(c, id), version);
  }

  /** Version of the last committed change to a document (0: never existed while transactions were open). */
  lastChange(c: Collection, id: string): number {
    return this.store.byId(c, id)?.version ?? this.tombstones.get(keyOf(c, id)) ?? 0;
  }

  /** Claims a document for a pending write of `tx`, or fails at once (MongoDB's write conflict). */
  claim(tx: Tx, c: Collection, id: string): void {
    const key = keyOf(c, id);
    const owner = this.locks.get(key);
    if ((owner !== undefined && owner !== tx.id) || this.lastChange(c, id) > tx.startVersion) throw conflict(c, id);
    this.locks.set(key, tx.id);
    tx.touched.set(key, { c, id });
  }

  private get(txId: string): Tx {
    this.sweep();
    const tx = this.open.get(txId);
    assert(tx, 'DATABASE_TRANSACTION_NOT_EXIST', `transaction ${txId} does not exist (finished, or older than 30 s)`);
    return tx;
  }

  private end(tx: Tx): void {
    this.open.delete(tx.id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    if (this.open.size === 0) this.tombstones.clear();
  }

  private sweep(): void {
    const oldest = Date.now() - TRANSACTION_LIFETIME_MS;
    for (const tx of [...this.open.values()]) if (tx.startedAt < oldest) this.end(tx);
  }

  get openCount(): number {
    return this.open.size;
  }
}

class TxSession implements Session {
  constructor(
    private readonly manager: Transactions,
    private readonly store: Store,
    private readonly tx: Tx,
    readonly now: number,
  ) {}

  *find(c: Collection, filter: Filter): Generator<Loaded> {
    const seen = new Set<string>();
    const plan = planQuery(filter.raw, c.indexes, c.multikey);
    for (const row of this.store.candidates(c, plan)) {
      const key = keyOf(c, row.id);
      seen.add(key);
      const pending = this.tx.writes.get(key);
      if (pending) {
        if (pending.text === null) continue;
        const own = new Loaded(row.id, pending.text, 0);
        if (filter.query.test(own.doc)) yield own;
        continue;
      }
      const loaded = new Loaded(row.id, row.data, row.version);
      if (filter.exactIds || filter.query.test(loaded.doc)) {
        if (!this.tx.touched.has(key)) this.tx.touched.set(key, { c, id: row.id });
        yield loaded;
      }
    }
    // Documents this transaction wrote that the committed candidates did not cover (new ones, or ones
    // whose indexed fields it changed).
    for (const [key, pending] of [...this.tx.writes]) {
      if (pending.c !== c || seen.has(key) || pending.text === null) continue;
      const own = new Loaded(pending.id, pending.text, 0);
      if (filter.query.test(own.doc)) yield own;
    }
  }

  private exists(c: Collection, id: string): boolean {
    const pending = this.tx.writes.get(keyOf(c, id));
    if (pending) return pending.text !== null;
    return this.store.byId(c, id) !== undefined;
  }

  private pend(c: Collection, id: string, doc: Doc | null): void {
    this.manager.claim(this.tx, c, id);
    this.tx.writes.set(keyOf(c, id), { c, id, doc, text: doc ? encodeDoc(doc) : null });
  }

  insert(c: Collection, doc: Doc): void {
    const id = doc._id as string;
    assert(!this.exists(c, id), 'DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${c.name} index: _id_ dup key: { _id: "${id}" }`);
    this.pend(c, id, doc);
  }

  replace(c: Collection, id: string, doc: Doc): void {
    this.pend(c, id, doc);
  }

  remove(c: Collection, id: string): void {
    this.pend(c, id, null);
  }
}
