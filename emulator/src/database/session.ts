import { Query } from 'mingo';
import { decodeStored, encodeDoc, type Doc } from './ejson';
import { planQuery } from './planner';
import type { Collection, Store } from './store';

/**
 * What a database operation reads and writes through. Outside a transaction (DirectSession) reads and
 * writes go straight to SQLite; inside one (TxSession, transactions.ts) writes are kept aside and reads
 * see them. Operations are written once against this interface.
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

export class DirectSession implements Session {
  constructor(
    private readonly store: Store,
    readonly now: number,
    /** Told about every committed write so open transactions can detect conflicts. */
    private readonly onWrite: (c: Collection, id: string, version: number, deleted: boolean) => void,
  ) {}

  find(c: Collection, filter: Filter): Iterable<Loaded> {
    return matchRows(this.store, c, filter);
  }

  insert(c: Collection, doc: Doc): void {
    const id = doc._id as string;
    this.onWrite(c, id, this.store.insert(c, id, doc, encodeDoc(doc)), false);
  }

  replace(c: Collection, id: string, doc: Doc): void {
    this.onWrite(c, id, this.store.replace(c, id, doc, encodeDoc(doc)), false);
  }

  remove(c: Collection, id: string): void {
    this.onWrite(c, id, this.store.remove(c, id), true);
  }
}
