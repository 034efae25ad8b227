/**
 * Test and benchmark helpers: call cloud functions of a running local cloud over HTTP, as the H5 client
 * does, and read the database as an administrator through the real wx-server-sdk (as scripts/seed does).
 * Not bundled into any function (build.mjs bundles only <name>/index.ts and what it imports).
 */
import type { Envelope } from '@yanzhen/domain';
import type { Db } from '../shared/db-types';
import { sdkEnvironment } from '../../scripts/sdk-env';

export class FunctionsClient {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(readonly url: string) {}

  token(openid: string): Promise<string> {
    let t = this.tokens.get(openid);
    if (!t) {
      t = fetch(`${this.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
        .then((r) => r.json() as Promise<{ token: string }>)
        .then((b) => b.token);
      this.tokens.set(openid, t);
    }
    return t;
  }

  /** Calls `<name>` with `event` as `openid` (or logged out when null) and returns the envelope. */
  async call<T = unknown>(openid: string | null, name: string, event: Record<string, unknown>): Promise<Envelope<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers.authorization = `Bearer ${await this.token(openid)}`;
    const res = await fetch(`${this.url}/api/functions/${name}`, { method: 'POST', headers, body: JSON.stringify(event) });
    const body = (await res.json()) as { result?: Envelope<T>; errMsg?: string };
    if (!body.result) throw new Error(`${name}.${String(event.action)} answered HTTP ${res.status}: ${JSON.stringify(body)}`);
    return body.result;
  }

  /** `call` for actions that must succeed: returns `data`, throws on an error envelope. */
  async data<T = unknown>(openid: string | null, name: string, event: Record<string, unknown>): Promise<T> {
    const env = await this.call<T>(openid, name, event);
    if (!env.ok) throw new Error(`${name}.${String(event.action)} failed: ${env.error.code} ${env.error.message}`);
    return env.data;
  }

  async stats(): Promise<{ database: { operations: number; byAction: Record<string, number> } }> {
    return (await fetch(`${this.url}/api/dev/stats`)).json() as Promise<{ database: { operations: number; byAction: Record<string, number> } }>;
  }
}

let adminDb: Db | undefined;

/**
 * An administrator's database handle on the local cloud at `url` (its `/admin` endpoint), like a
 * function's but outside the function runtime. One per process: the SDK keeps its settings globally.
 */
export function connectAdminDb(url: string): Db {
  if (adminDb) return adminDb;
  Object.assign(process.env, sdkEnvironment(`${url}/admin`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the environment above is set
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  adminDb = cloud.database() as unknown as Db;
  return adminDb;
}

/**
 * Every document of a query, page by page (1000 is the server SDK's largest page). It stops at an EMPTY
 * page: CloudBase may answer fewer than asked for, so a short page does not mean the last one.
 */
export async function readAll<T>(db: Db, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await db.collection(collection).where(where).skip(out.length).limit(1000).get();
    if (page.data.length === 0) return out;
    out.push(...(page.data as T[]));
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}
