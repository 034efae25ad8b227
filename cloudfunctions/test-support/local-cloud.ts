import type { Envelope } from '@yanzhen/domain';
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud';
import { connectSdk, type WxDatabase } from '../../emulator/test/sdk';

/**
 * Integration tests of cloud functions: the built emulator in its own process with demo data, callers
 * that go through HTTP exactly as the H5 preview does, and an admin SDK handle to look at the database.
 */
export interface FunctionHarness {
  cloud: LocalCloud;
  /** The database as a cloud function sees it (for checking what changed, never to change the test's answer). */
  db: WxDatabase;
  as(openid: string): Caller;
  stop(): Promise<void>;
}

export type Caller = <T = unknown>(fn: string, event: Record<string, unknown>) => Promise<Envelope<T>>;

export async function login(url: string, openid: string): Promise<string> {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  if (!res.ok) throw new Error(`login ${openid}: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export function callerFor(url: string, openid: string): Caller {
  let token: Promise<string> | undefined;
  return async <T>(fn: string, event: Record<string, unknown>) => {
    token ??= login(url, openid);
    const res = await fetch(`${url}/api/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify(event),
    });
    const body = (await res.json()) as { result?: Envelope<T>; errCode?: number; errMsg?: string };
    if (res.status !== 200) throw new Error(`${fn}.${String(event.action)} HTTP ${res.status}: ${body.errMsg}`);
    return body.result as Envelope<T>;
  };
}

export async function startFunctionHarness(opts: { seed?: boolean } = {}): Promise<FunctionHarness> {
  const cloud = await startLocalCloud({ seed: opts.seed ?? true, quiet: true });
  const { db } = connectSdk(cloud.port);
  return { cloud, db, as: (openid) => callerFor(cloud.url, openid), stop: () => cloud.stop() };
}

/** Everything in the collections named, for "nothing changed" checks (order by _id). */
export async function snapshot(db: WxDatabase, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) {
    const rows: unknown[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get();
      rows.push(...page.data);
      if (page.data.length < 1000) break;
    }
    out[name] = rows;
  }
  return out;
}
