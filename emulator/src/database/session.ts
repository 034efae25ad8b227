import { Query } from 'mingo';
import { decodeStored, encodeDoc, type Doc } from './ejson';
import { rowKey } from './ids';
import { planQuery } from './planner';
import type { Collection, Store } from './store';

/**
 * What a database operation reads and writes through. Outside a transaction (DirectSession) reads and
 * writes go straight to SQLite (the store tells open transactions about each committed change); inside
 * one (TxSession, transactions.ts) reads see the transaction's snapshot and its own writes, which are
 * kept aside until commit. Operations are written once against this interface.
 */

/** A document as read: its stored text (sent back as is when nothing reshapes it) and a lazy parse. */
export class Loaded {
  private parsed?: Doc;
  constructor(
    readonly id: string,
    readonly text: string,
    readonly version: number,
  ) {}
  /** A fresh object on first access; callers may mutate it (updates do). */
  get doc(): Doc {
    if (!this.parsed) this.parsed = decodeStored(this.text);
    return this.parsed;
  }
}

/** A filter: `exactIds` means the candidates are already exactly the matches (no mingo needed). */
export class Filter {
  private compiled?: Query;
  readonly exactIds: boolean;
  constructor(readonly raw: Doc) {
    const keys = Object.keys(raw);
    this.exactIds = keys.length === 1 && keys[0] === '_id' && typeof raw._id === 'string';
  }
  /** Compiled on first use: a get by _id never needs it. */
  get query(): Query {
    if (!this.compiled) this.compiled = new Query(this.raw);
    return this.compiled;
  }
}

export function compileFilter(raw: Doc): Filter {
  return new Filter(raw);
}

/**
 * The row key (SQLite `id` column) of a document about to be inserted: its `_id` encoded by ids.ts
 * (strings as is, numbers and ObjectIds tagged). Sessions and transactions treat row keys as opaque.
 */
export function rowIdOf(doc: Doc): string {
  return rowKey(doc._id);
}

export interface Session {
  /** Server time for `$tcb_server_date`, fixed per request. */
  readonly now: number;
  /** Matching documents in natural order; lazy, so the caller may stop early. */
  find(c: Collection, filter: Filter): Iterable<Loaded>;
  insert(c: Collection, doc: Doc): void;
  replace(c: Collection, id: string, doc: Doc): void;
  remove(c: Collection, id: string): void;
}

function* matchRows(store: Store, c: Collection, filter: Filter): Generator<Loaded> {
  const plan = planQuery(filter.raw, c.indexes, c.multikey);
  for (const row of store.candidates(c, plan)) {
    const loaded = new Loaded(row.id, row.data, row.version);
    if (filter.exactIds || filter.query.test(loaded.doc)) yield loaded;
  }
}

/**
 * Thrown by a plain write that reached a document an open transaction has written: MongoDB makes such a
 * write wait until the transaction ends. The caller rolls back, waits, and runs the operation again.
 */
export class WaitForTransaction extends Error {
  constructor(
    readonly txId: string,
    readonly what: string,
  ) {
    super(`${what} waits for open transaction ${txId}`);
  }
}

export class DirectSession implements Session {
  constructor(
    private readonly store: Store,
    readonly now: number,
    /** The open transaction holding a pending write on a document, if any. */
    private readonly lockedBy: (c: Collection, id: string) => string | undefined = () => undefined,
  ) {}

  private waitIfLocked(c: Collection, id: string): void {
    const owner = this.lockedBy(c, id);
    if (owner !== undefined) throw new WaitForTransaction(owner, `a write to ${c.name}/${id}`);
  }

  find(c: Collection, filter: Filter): Iterable<Loaded> {
    return matchRows(this.store, c, filter);
  }

  insert(c: Collection, doc: Doc): void {
    const id = rowIdOf(doc);
    this.waitIfLocked(c, id);
    this.store.insert(c, id, doc, encodeDoc(doc));
  }

  replace(c: Collection, id: string, doc: Doc): void {
    this.waitIfLocked(c, id);
    this.store.replace(c, id, doc, encodeDoc(doc));
  }

  remove(c: Collection, id: string): void {
    this.waitIfLocked(c, id);
    this.store.remove(c, id);
  }
}
