import { AppError } from '@yanzhen/domain';
import { db } from './cloud';
import type { Doc, Transaction } from './db-types';

/**
 * CloudBase transactions for writes that must happen together or not at all (a grant with its audit
 * entry, a review with its audit entry). What CloudBase allows inside one: single-document operations
 * only — `collection(c).doc(id).get / set / update / remove` and `collection(c).add`; no `where()`,
 * `count()`, `aggregate()` or batch writes. Isolation is MongoDB's snapshot isolation: reads see the
 * state when the transaction started, and a commit fails (DATABASE_TRANSACTION_CONFLICT) only when a
 * document it WROTE was written by someone else meanwhile; a document it only read never fails it.
 * So a decision that depends on a document must also write that document (or a guard document that
 * every competing transaction writes), or the two transactions can both commit (write skew).
 * wx-server-sdk does not retry a conflict: `inTransaction` does, with jitter, re-running the whole
 * callback so that every decision is taken again on fresh reads.
 */

const MAX_ATTEMPTS = 10;

/** A field of an SDK error or answer as text: codes come as strings or numbers; anything else is no text. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** True when the SDK error is CloudBase's "another transaction wrote this document first". */
export function isTransactionConflict(err: unknown): boolean {
  if (err instanceof AppError) return false;
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  const text = [e?.code, e?.errCode, e?.errMsg, e?.message].map(textOf).join(' ');
  return text.includes('TRANSACTION_CONFLICT') || /transaction conflict/i.test(text);
}

/** The transaction calls answer `{ code, message }` instead of throwing in some SDK paths: make them throw. */
export function checked<T>(res: T): T {
  const r = res as { code?: unknown; message?: unknown } | null;
  if (r && typeof r === 'object' && r.code) throw Object.assign(new Error(textOf(r.message ?? r.code)), { code: r.code });
  return res;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One document by `_id` as the transaction's snapshot has it, or undefined when it does not exist. */
export async function readInTransaction<T = Doc>(t: Transaction, collection: string, id: string): Promise<T | undefined> {
  const res = checked(await t.collection<T>(collection).doc(id).get());
  const data: T | null = res.data;
  return data ?? undefined;
}

/**
 * Runs `work` in a transaction and commits it; on a conflict, starts over (up to MAX_ATTEMPTS). An
 * AppError thrown by `work` (a refusal) rolls back and is answered as is: a refused action writes nothing.
 */
export async function inTransaction<R>(work: (t: Transaction) => Promise<R>, busyMessage = '操作的人太多了，请稍后再试'): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(work);
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('internal', busyMessage);
      // Jittered backoff so the retries of a burst do not collide again in lockstep.
      await sleep(Math.random() * 15 * attempt);
    }
  }
}

async function attemptOnce<R>(work: (t: Transaction) => Promise<R>): Promise<R> {
  const t = await db.startTransaction();
  let result: R;
  try {
    result = await work(t);
  } catch (err) {
    await t.rollback().catch(() => undefined); // the refusal or conflict does not depend on the rollback
    throw err;
  }
  checked(await t.commit());
  return result;
}
