import { randomBytes } from 'node:crypto';
import { assert, EmulatorError } from '../errors';
import { encodeDoc, type Doc } from './ejson';
import { describe } from './ids';
import { planQuery } from './planner';
import { Loaded, rowIdOf, type Filter, type Session } from './session';
import type { ChangeObserver, Collection, Row, Store } from './store';

/**
 * Emulated CloudBase transactions (MongoDB snapshot transactions underneath), see
 * docs/emulator-transactions.md. A transaction spans several HTTP requests, so it must not hold SQLite's
 * write lock: its writes are kept aside and applied in one SQLite transaction at commit.
 * - Reads see the snapshot taken at start, plus the transaction's own writes. Only single documents can
 *   be read in a transaction (index.ts refuses the rest), so the snapshot is kept as an undo log: while
 *   transactions are open the store reports every committed change with the row it replaced, and a read
 *   of a document changed after the snapshot answers the row as it was.
 * - Conflicts are write–write only: a write to a document that another open transaction has written, or
 *   that someone committed after this transaction's snapshot, fails at once. A conflict aborts the
 *   transaction, as MongoDB does. Reads never conflict. A plain (non-transactional) write to a document
 *   an open transaction has written waits until that transaction ends, as in MongoDB (index.ts).
 * - A transaction lives 30 s (configurable for tests); after commit, abort or expiry it no longer exists.
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
  /** Store version at start: changes with a higher version are after the snapshot. */
  snapshot: number;
  startedAt: number;
  writes: Map<string, PendingWrite>;
  /** Plain writes waiting for this transaction to end. */
  waiters: (() => void)[];
}

/** A committed change seen while transactions were open: the row it replaced (undefined: absent). */
interface Undo {
  version: number;
  before: Row | undefined;
}

const keyOf = (c: Collection, id: string): string => `${c.table}\u0000${id}`;

export function transactionNotExist(txId: string): EmulatorError {
  return new EmulatorError(
    'DATABASE_TRANSACTION_FAIL',
    `ResourceUnavailable.TransactionNotExist: Transaction does not exist on the server (transactionId ${JSON.stringify(txId)}): it was committed, aborted, failed on a conflict, or is older than its lifetime.`,
  );
}

export class Transactions implements ChangeObserver {
  private readonly open = new Map<string, Tx>();
  /** Document key → id of the open transaction that has a pending write on it. */
  private readonly locks = new Map<string, string>();
  /** Document key → its committed changes since the oldest open snapshot, oldest first. */
  private readonly history = new Map<string, Undo[]>();
  private lastSweep = 0;

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {
    store.observe(this);
  }

  start(): string {
    this.sweep(true);
    const tx: Tx = { id: randomBytes(12).toString('hex'), snapshot: this.store.currentVersion(), startedAt: Date.now(), writes: new Map(), waiters: [] };
    this.open.set(tx.id, tx);
    return tx.id;
  }

  session(txId: string, now: number): Session {
    return new TxSession(this, this.store, this.get(txId), now);
  }

  /** Applies the transaction's writes in one SQLite transaction; fails (and ends it) on a conflict. */
  commit(txId: string): void {
    const tx = this.get(txId);
    try {
      this.store.transaction(() => {
        // A plain (non-transactional) write may have landed on a claimed document since the claim.
        for (const w of tx.writes.values()) if (this.changedSince(w.c, w.id, tx.snapshot)) throw conflict(w.c, w.id);
        for (const w of tx.writes.values()) {
          const exists = this.store.byId(w.c, w.id) !== undefined;
          if (w.text === null || w.doc === null) {
            if (exists) this.store.remove(w.c, w.id);
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

  /** Ends a transaction that failed in a way MongoDB aborts on (write conflict, duplicate key). */
  fail(tx: Tx): void {
    this.end(tx);
  }

  // ChangeObserver: the store asks before each write whether to report it.
  active(): boolean {
    this.sweep(false);
    return this.open.size > 0;
  }

  changed(c: Collection, id: string, before: Row | undefined, version: number): void {
    if (this.open.size === 0) return;
    const key = keyOf(c, id);
    const list = this.history.get(key);
    if (list) list.push({ version, before });
    else this.history.set(key, [{ version, before }]);
  }

  /** The committed row as of `snapshot`: the row the first later change replaced, else the current one. */
  snapshotRow(c: Collection, id: string, snapshot: number): Row | undefined {
    const undo = this.history.get(keyOf(c, id))?.find((u) => u.version > snapshot);
    return undo ? undo.before : this.store.byId(c, id);
  }

  /** Whether anyone committed a change to the document after `snapshot`. */
  changedSince(c: Collection, id: string, snapshot: number): boolean {
    if (this.history.get(keyOf(c, id))?.some((u) => u.version > snapshot)) return true;
    return (this.store.byId(c, id)?.version ?? 0) > snapshot;
  }

  /** Documents of `c` changed after the oldest open snapshot (a read must also consider these ids). */
  changedIds(c: Collection): string[] {
    const prefix = keyOf(c, '');
    return [...this.history.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** The open transaction with a pending write on the document, if any. */
  lockedBy(c: Collection, id: string): string | undefined {
    const owner = this.locks.get(keyOf(c, id));
    return owner !== undefined && this.open.has(owner) ? owner : undefined;
  }

  /** Resolves once the transaction has ended (commit, abort, conflict or expiry). */
  whenEnded(txId: string): Promise<void> {
    const tx = this.open.get(txId);
    if (!tx) return Promise.resolve();
    return new Promise((resolve) => {
      tx.waiters.push(resolve);
      // Expiry is otherwise noticed only by the next request: wake up for it.
      const timer = setTimeout(() => this.sweep(true), Math.max(0, tx.startedAt + this.lifetimeMs - Date.now()) + 5);
      timer.unref();
    });
  }

  /** Claims a document for a pending write of `tx`, or fails at once (MongoDB's write conflict). */
  claim(tx: Tx, c: Collection, id: string): void {
    const key = keyOf(c, id);
    const owner = this.locks.get(key);
    if ((owner !== undefined && owner !== tx.id) || this.changedSince(c, id, tx.snapshot)) {
      this.fail(tx);
      throw conflict(c, id);
    }
    this.locks.set(key, tx.id);
  }

  private get(txId: string): Tx {
    this.sweep(true);
    const tx = this.open.get(txId);
    if (!tx) throw transactionNotExist(txId);
    return tx;
  }

  private end(tx: Tx): void {
    if (!this.open.delete(tx.id)) return;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.pruneHistory();
    for (const wake of tx.waiters.splice(0)) wake();
  }

  /** Drops undo entries no open snapshot can need (all of them once no transaction is open). */
  private pruneHistory(): void {
    if (this.open.size === 0) {
      this.history.clear();
      return;
    }
    let oldest = Infinity;
    for (const tx of this.open.values()) oldest = Math.min(oldest, tx.snapshot);
    for (const [key, list] of this.history) {
      const keep = list.filter((u) => u.version > oldest);
      if (keep.length === 0) this.history.delete(key);
      else if (keep.length !== list.length) this.history.set(key, keep);
    }
  }

  /** Forgets expired transactions; on the write path at most every 250 ms (it scans them all). */
  private sweep(always: boolean): void {
    const now = Date.now();
    if (this.open.size === 0 || (!always && now - this.lastSweep < 250)) return;
    this.lastSweep = now;
    const oldest = now - this.lifetimeMs;
    for (const tx of [...this.open.values()]) if (tx.startedAt < oldest) this.end(tx);
  }

  get openCount(): number {
    return this.open.size;
  }
}

function conflict(c: Collection, id: string): EmulatorError {
  return new EmulatorError(
    'DATABASE_TRANSACTION_CONFLICT',
    `WriteConflict: transaction conflict on ${c.name}/${id}: another transaction or writer changed this document after the transaction started; the transaction is aborted`,
  );
}

class TxSession implements Session {
  constructor(
    private readonly manager: Transactions,
    private readonly store: Store,
    private readonly tx: Tx,
    readonly now: number,
  ) {}

  /** Snapshot rows overlaid with the transaction's own writes. */
  *find(c: Collection, filter: Filter): Generator<Loaded> {
    const plan = planQuery(filter.raw, c.indexes, c.multikey);
    // Transactions only read by _id (index.ts), so the plan is a list of ids; otherwise consider every
    // document that exists now, changed since the snapshot, or was written by this transaction.
    const ids =
      plan.kind === 'ids'
        ? plan.ids
        : [...new Set([...this.store.ids(c), ...this.manager.changedIds(c), ...[...this.tx.writes.values()].filter((w) => w.c === c).map((w) => w.id)])];
    for (const id of ids) {
      const pending = this.tx.writes.get(keyOf(c, id));
      let loaded: Loaded | undefined;
      if (pending) loaded = pending.text === null ? undefined : new Loaded(id, pending.text, 0);
      else {
        const row = this.manager.snapshotRow(c, id, this.tx.snapshot);
        loaded = row && new Loaded(row.id, row.data, row.version);
      }
      if (loaded && (filter.exactIds || filter.query.test(loaded.doc))) yield loaded;
    }
  }

  private exists(c: Collection, id: string): boolean {
    const pending = this.tx.writes.get(keyOf(c, id));
    if (pending) return pending.text !== null;
    return this.manager.snapshotRow(c, id, this.tx.snapshot) !== undefined;
  }

  private pend(c: Collection, id: string, doc: Doc | null): void {
    this.manager.claim(this.tx, c, id);
    this.tx.writes.set(keyOf(c, id), { c, id, doc, text: doc ? encodeDoc(doc) : null });
  }

  insert(c: Collection, doc: Doc): void {
    const id = rowIdOf(doc);
    if (this.exists(c, id)) {
      // MongoDB aborts a transaction on a duplicate key error.
      this.manager.fail(this.tx);
      assert(false, 'DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${c.name} index: _id_ dup key: { _id: ${describe(doc._id)} }`);
    }
    this.pend(c, id, doc);
  }

  replace(c: Collection, id: string, doc: Doc): void {
    this.pend(c, id, doc);
  }

  remove(c: Collection, id: string): void {
    this.pend(c, id, null);
  }
}
