import cloud from 'wx-server-sdk';
import type { Db } from './db-types';

/**
 * The ordinary production initialisation; locally the emulator points the SDK at itself through the
 * function instance's environment (TCB_CONTEXT_CNFG), so there is no local-only branch here.
 */
// The SDK's typings declare `env` as a string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented value.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
// The SDK's own typings mix callback and promise styles (every result is `T | void | string`); `Db`
// declares the promise style we use, over the very same object. `throwOnNotFound: false` (read by the SDK
// at run time, missing from its typings): `doc(id).get()` of a missing document answers `data: null`, in
// and out of transactions, instead of throwing.
export const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Db;
export const _ = db.command;

/**
 * One document by `_id` (`doc(id).get()`, the single-document read CloudBase serves directly), or
 * undefined when there is none; `fields` keeps only those (a projection, as `field()`).
 */
export async function readDoc<T>(collection: string, id: string, fields?: Record<string, true>): Promise<T | undefined> {
  const ref = db.collection<T>(collection).doc(id);
  const res = await (fields ? ref.field(fields) : ref).get();
  return res.data ?? undefined;
}
