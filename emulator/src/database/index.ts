import { assert, EmulatorError } from '../errors';
import type { AdminHandlers, AdminParams, AdminRequest } from '../types';
import { aggregateDocuments } from './aggregate';
import {
  collectionOf,
  countDocuments,
  getDocument,
  insertDocuments,
  modifyAndReturn,
  modifyDocuments,
  removeDocuments,
  type OpContext,
} from './operations';
import { decodeWireParam, isPlainObject } from './ejson';
import { DirectSession, WaitForTransaction } from './session';
import { COLLECTION_NAME, readSpec } from './spec';
import type { Collection } from './store';
import { Store } from './store';
import { TRANSACTION_LIFETIME_MS, Transactions } from './transactions';

/**
 * The emulator's database: CloudBase `database.*` actions on SQLite (better-sqlite3) with MongoDB
 * semantics from mingo. See store.ts (storage, indexes), session.ts / transactions.ts (how operations
 * read and write), operations.ts / aggregate.ts (the actions themselves).
 */

export interface DatabaseService {
  handlers: AdminHandlers;
  /** Counts every database.* request served (including failed ones). */
  stats(): { operations: number; byAction: Record<string, number> };
  /** Transactions started and not yet committed, aborted or expired. */
  openTransactions(): number;
  close(): void;
}

type DocumentOp = (ctx: OpContext, c: Collection, params: AdminParams) => unknown;

/** Actions that may write: outside a transaction they run inside one SQLite transaction (atomic). */
const DOCUMENT_ACTIONS: Record<string, { op: DocumentOp; writes: boolean }> = {
  'database.insertDocument': { op: insertDocuments, writes: true },
  'database.getDocument': { op: getDocument, writes: false },
  'database.modifyDocument': { op: modifyDocuments, writes: true },
  'database.modifyAndReturnDoc': { op: modifyAndReturn, writes: true },
  'database.removeDocument': { op: removeDocuments, writes: true },
  'database.calculateDocument': { op: countDocuments, writes: false },
  'database.aggregateDocuments': { op: aggregateDocuments, writes: false },
};

/** mingo and bson throw their own errors for bad queries or EJSON; the SDK should see a database error. */
function asCloudError(err: unknown): unknown {
  if (err instanceof EmulatorError || err instanceof SyntaxError) return err;
  const name = (err as Error)?.name ?? '';
  if (name === 'MingoError' || name.startsWith('BSON')) return new EmulatorError('DATABASE_REQUEST_FAILED', String((err as Error).message));
  return err;
}

/** The transaction id a request names, as text (anything but a string or a number names no transaction). */
function transactionIdOf(req: AdminRequest): string {
  const id = req.params.transactionId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

function notInTransaction(what: string): EmulatorError {
  return new EmulatorError(
    'DATABASE_REQUEST_FAILED',
    `${what} is not allowed in a transaction: only single-document operations are (collection.doc(id).get/set/update/remove and collection.add of one document)`,
  );
}

/**
 * CloudBase accepts only single-document operations in a transaction. wx-server-sdk attaches the
 * transactionId to where().get() and add([...]) as well (where().update/remove, count and aggregate go
 * out without it, as plain operations): refuse whatever else arrives with one.
 */
function assertAllowedInTransaction(action: string, params: AdminParams, now: number): void {
  if (action === 'database.calculateDocument') throw notInTransaction('count()');
  if (action === 'database.aggregateDocuments') throw notInTransaction('aggregate()');
  if (action === 'database.modifyAndReturnDoc') throw notInTransaction('where().updateAndReturn()');
  if (action === 'database.insertDocument') {
    // Batch insert is a batch operation; `add(doc)` arrives as a one-element list.
    if (Array.isArray(params.data) && params.data.length > 1) throw notInTransaction('add() of several documents');
    return;
  }
  const verb = { 'database.getDocument': 'get', 'database.modifyDocument': 'update', 'database.removeDocument': 'remove' }[action] ?? action;
  if (params.queryType !== 'DOC') throw notInTransaction(`where().${verb}()`);
  if (params.multi === true) throw notInTransaction(`a multi-document ${verb}()`);
  const query = params.query === undefined || params.query === null || params.query === '' ? {} : decodeWireParam(params.query, now);
  const keys = isPlainObject(query) ? Object.keys(query) : [];
  if (keys.length !== 1 || keys[0] !== '_id') throw notInTransaction(`${verb}() without a document id`);
}

/** Lifetime of an open transaction: 30 s as in CloudBase; shorter only for tests. */
function transactionLifetime(option: number | undefined): number {
  if (option !== undefined) return option;
  const fromEnv = Number(process.env.YANZHEN_TRANSACTION_LIFETIME_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : TRANSACTION_LIFETIME_MS;
}

export function createDatabaseService(opts: { dataDir: string; specPath: string; transactionLifetimeMs?: number }): DatabaseService {
  const spec = readSpec(opts.specPath);
  const store = new Store(opts.dataDir);
  store.open(spec.collections);
  const transactions = new Transactions(store, transactionLifetime(opts.transactionLifetimeMs));
  const byAction: Record<string, number> = {};
  let operations = 0;

  const handlers: AdminHandlers = {};
  for (const [action, { op, writes }] of Object.entries(DOCUMENT_ACTIONS)) {
    handlers[action] = (req: AdminRequest) => {
      const now = Date.now();
      const txId = req.params.transactionId;
      if (typeof txId === 'string' && txId) {
        const session = transactions.session(txId, now); // a finished transaction fails first
        assertAllowedInTransaction(action, req.params, now);
        return op({ store, session }, collectionOf(store, req.params), req.params);
      }
      const c = collectionOf(store, req.params);
      if (!writes) return op({ store, session: new DirectSession(store, now) }, c, req.params);
      const run = () => store.transaction(() => op({ store, session: new DirectSession(store, now, lockedBy) }, c, req.params));
      try {
        return run(); // the common case answers synchronously
      } catch (err) {
        if (!(err instanceof WaitForTransaction)) throw err;
        return waitAndRetry(err, run);
      }
    };
  }

  const lockedBy = (c: Collection, id: string) => transactions.lockedBy(c, id);

  /**
   * A plain write reached a document an open transaction has written: as in MongoDB it waits until that
   * transaction ends (commit, abort or its 30 s expiry), then runs again (rolled back meanwhile).
   */
  async function waitAndRetry(first: WaitForTransaction, run: () => unknown): Promise<unknown> {
    let blocked = first;
    for (;;) {
      const slow = setTimeout(() => console.warn(`[emulator] ${blocked.message}: a write outside a transaction waits until the transaction ends (as MongoDB does)`), 1000);
      await transactions.whenEnded(blocked.txId);
      clearTimeout(slow);
      try {
        return run();
      } catch (err) {
        if (!(err instanceof WaitForTransaction)) throw err;
        blocked = err;
      }
    }
  }

  handlers['database.addCollection'] = (req) => {
    const name = req.params.collectionName;
    assert(typeof name === 'string' && COLLECTION_NAME.test(name), 'INVALID_PARAM', `invalid collection name ${JSON.stringify(name)}`);
    assert(store.create(name), 'DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: collection ${name} already exists`);
    return {};
  };
  handlers['database.startTransaction'] = () => ({ transactionId: transactions.start() });
  handlers['database.commitTransaction'] = (req) => {
    transactions.commit(transactionIdOf(req));
    return {};
  };
  handlers['database.abortTransaction'] = (req) => {
    transactions.abort(transactionIdOf(req));
    return {};
  };

  // Count every request and translate library errors, whatever the action.
  for (const [action, handler] of Object.entries(handlers)) {
    handlers[action] = (req: AdminRequest) => {
      operations++;
      byAction[action] = (byAction[action] ?? 0) + 1;
      try {
        const reply = handler(req);
        return reply instanceof Promise ? reply.catch((err: unknown) => { throw asCloudError(err); }) : reply;
      } catch (err) {
        throw asCloudError(err);
      }
    };
  }

  return {
    handlers,
    stats: () => ({ operations, byAction: { ...byAction } }),
    close: () => store.close(),
    openTransactions: () => transactions.openCount,
  };
}
