import type { Envelope } from '@yanzhen/domain';
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud';
import type { Db } from '../shared/db-types';
import { connectAdminDb, FunctionsClient, readAll } from './functions-client';

/**
 * Integration tests of cloud functions: the built emulator in its own process with demo data, callers
 * that go through HTTP exactly as the H5 preview does, and an admin SDK handle to look at the database.
 */
export interface FunctionHarness {
  cloud: LocalCloud;
  client: FunctionsClient;
  /** The database as a cloud function sees it (for checking what changed, never to change the test's answer). */
  db: Db;
  as(openid: string): Caller;
  stop(): Promise<void>;
}

export type Caller = <T = unknown>(fn: string, event: Record<string, unknown>) => Promise<Envelope<T>>;

/** `env`: extra emulator environment, e.g. `MAX_INSTANCES_PER_FUNCTION` so that races get real parallelism. */
export async function startFunctionHarness(opts: { seed?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<FunctionHarness> {
  const cloud = await startLocalCloud({ seed: opts.seed ?? true, quiet: true, env: opts.env });
  const client = new FunctionsClient(cloud.url);
  return {
    cloud,
    client,
    db: connectAdminDb(cloud.url),
    as: (openid) => (fn, event) => client.call(openid, fn, event),
    stop: () => cloud.stop(),
  };
}

/** Everything in the collections named, for "nothing changed" checks (ordered by _id). */
export async function snapshot(db: Db, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) {
    const rows = await readAll<{ _id: string }>(db, name, {});
    out[name] = rows.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
  return out;
}
