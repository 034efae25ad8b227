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
import { DirectSession, type Session } from './session';
import { COLLECTION_NAME, readSpec } from './spec';
import type { Collection } from './store';
import { Store } from './store';
import { Transactions } from './transactions';

/**
 * The emulator's database: CloudBase `database.*` actions on SQLite (better-sqlite3) with MongoDB
 * semantics from mingo. See store.ts (storage, indexes), session.ts / transactions.ts (how operations
 * read and write), operations.ts / aggregate.ts (the actions themselves).
 */

export interface DatabaseService {
  handlers: AdminHandlers;
  /** Counts every database.* request served (including failed ones). */
  stats(): { operations: number; byAction: Record<string, number> };
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

export function createDatabaseService(opts: { dataDir: string; specPath: string }): DatabaseService {
  const spec = readSpec(opts.specPath);
  const store = new Store(opts.dataDir);
  store.open(spec.collections);
  const transactions = new Transactions(store);
  const byAction: Record<string, number> = {};
  let operations = 0;

  const directSession = (now: number): Session => new DirectSession(store, now, (c, id, version, deleted) => transactions.noteWrite(c, id, version, deleted));

  const handlers: AdminHandlers = {};
  for (const [action, { op, writes }] of Object.entries(DOCUMENT_ACTIONS)) {
    handlers[action] = (req: AdminRequest) => {
      const now = Date.now();
      const c = collectionOf(store, req.params);
      const txId = req.params.transactionId;
      if (typeof txId === 'string' && txId) return op({ store, session: transactions.session(txId, now) }, c, req.params);
      const ctx = { store, session: directSession(now) };
      return writes ? store.transaction(() => op(ctx, c, req.params)) : op(ctx, c, req.params);
    };
  }

  handlers['database.addCollection'] = (req) => {
    const name = req.params.collectionName;
    assert(typeof name === 'string' && COLLECTION_NAME.test(name), 'INVALID_PARAM', `invalid collection name ${JSON.stringify(name)}`);
    assert(store.create(name), 'DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: collection ${name} already exists`);
    return {};
  };
  handlers['database.startTransaction'] = () => ({ transactionId: transactions.start() });
  handlers['database.commitTransaction'] = (req) => {
    transactions.commit(String(req.params.transactionId ?? ''));
    return {};
  };
  handlers['database.abortTransaction'] = (req) => {
    transactions.abort(String(req.params.transactionId ?? ''));
    return {};
  };

  // Count every request and translate library errors, whatever the action.
  for (const [action, handler] of Object.entries(handlers)) {
    handlers[action] = (req: AdminRequest) => {
      operations++;
      byAction[action] = (byAction[action] ?? 0) + 1;
      try {
        return handler(req);
      } catch (err) {
        throw asCloudError(err);
      }
    };
  }

  return {
    handlers,
    stats: () => ({ operations, byAction: { ...byAction } }),
    close: () => store.close(),
  };
}
