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
// declares the promise style we use, over the very same object.
export const db = cloud.database() as unknown as Db;
export const _ = db.command;
