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

/**
 * One harness for a whole test file: started before its tests (`beforeAll`, the emulator takes seconds) and
 * stopped after them. The object answered is filled in when the harness is up, so tests use it as they would
 * the harness itself (`h.client.call(…)`).
 */
export function useFunctionHarness(opts: Parameters<typeof startFunctionHarness>[0] = {}, startTimeoutMs = 60_000): FunctionHarness {
  const harness = {} as FunctionHarness;
  beforeAll(async () => {
    Object.assign(harness, await startFunctionHarness(opts));
  }, startTimeoutMs);
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}

/** A 1×1 PNG: the smallest real image, for uploads the functions must find in storage. */
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e5b1c10000000049454e44ae426082', 'hex');

/**
 * Uploads a tiny PNG to `cloudPath` as a function (or the phone) would, answering its fileID. Call it once the
 * harness is up: its admin SDK handle has set up wx-server-sdk for this process.
 */
export async function uploadTinyPng(cloudPath: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after startFunctionHarness configured it
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  return ((await cloud.uploadFile({ cloudPath, fileContent: TINY_PNG })) as { fileID: string }).fileID;
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
