import { randomBytes } from 'node:crypto';
import { find as mingoFind } from 'mingo';
import { assert } from '../errors';
import type { AdminParams } from '../types';
import { decodeWireParam, encodeDoc, isPlainObject, type Doc } from './ejson';
import { compileFilter, type Loaded, type Session } from './session';
import type { Collection, Store } from './store';
import { applyModifier, replacement, toModifier, upsertBase } from './update';

/**
 * The document actions (`database.*` minus transactions and collections), as plain functions of the
 * request parameters and a Session. Reply shapes are the ones wx-server-sdk reads (wire-protocol notes).
 */

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface OpContext {
  store: Store;
  session: Session;
}

export function collectionOf(store: Store, params: AdminParams): Collection {
  const name = params.collectionName;
  assert(typeof name === 'string' && name.length > 0, 'INVALID_PARAM', 'collectionName is required');
  const c = store.get(name);
  assert(c, 'DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}. The collection is not declared in cloudfunctions/database.json and was not created with db.createCollection`);
  return c;
}

function decodeObject(value: unknown, now: number, what: string): Doc | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const decoded = decodeWireParam(value, now);
  assert(isPlainObject(decoded), 'INVALID_PARAM', `${what} must be an object`);
  return decoded;
}

/** `order` arrives as an EJSON object (`{"a":-1}`); older SDKs sent `[{field, direction}]`. */
function decodeOrder(value: unknown, now: number): Record<string, 1 | -1> | undefined {
  if (Array.isArray(value)) {
    const order: Record<string, 1 | -1> = {};
    for (const o of value as { field: string; direction: string }[]) order[o.field] = o.direction === 'desc' ? -1 : 1;
    return Object.keys(order).length ? order : undefined;
  }
  const order = decodeObject(value, now, 'order');
  if (!order || Object.keys(order).length === 0) return undefined;
  const out: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(order)) out[field] = dir === -1 || dir === 'desc' ? -1 : 1;
  return out;
}

function toCount(value: unknown, fallback: number, what: string): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  assert(Number.isInteger(n) && n >= 0, 'INVALID_PARAM', `${what} must be a non-negative integer`);
  return n;
}

/** The matches of a read or write, honouring order/offset/limit; stops early when there is no order. */
function select(ctx: OpContext, c: Collection, params: AdminParams, opts: { limit: number; order?: Record<string, 1 | -1>; offset: number }): Loaded[] {
  const filter = compileFilter(decodeObject(params.query, ctx.session.now, 'query') ?? {});
  const matches = ctx.session.find(c, filter);
  if (!opts.order) {
    const out: Loaded[] = [];
    let skipped = 0;
    if (opts.limit === 0) return out;
    for (const loaded of matches) {
      if (skipped < opts.offset) skipped++;
      else if (out.push(loaded) >= opts.limit) break;
    }
    return out;
  }
  const all = [...matches];
  const byDoc = new Map<Doc, Loaded>(all.map((l) => [l.doc, l]));
  const sorted = mingoFind(all.map((l) => l.doc), {}).sort(opts.order).skip(opts.offset).limit(opts.limit).all() as Doc[];
  return sorted.map((d) => byDoc.get(d) as Loaded);
}

export function getDocument(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const limit = Math.min(toCount(params.limit, DEFAULT_LIMIT, 'limit'), MAX_LIMIT);
  const offset = toCount(params.offset, 0, 'offset');
  const order = decodeOrder(params.order, ctx.session.now);
  const multi = params.queryType !== 'DOC';
  const found = select(ctx, c, params, { limit: multi ? limit : 1, offset: multi ? offset : 0, order: multi ? order : undefined });
  const projection = decodeObject(params.projection, ctx.session.now, 'projection');
  if (!projection || Object.keys(projection).length === 0) return { data: { list: found.map((l) => l.text) } };
  const projected = mingoFind(found.map((l) => l.doc), {}, projection).all() as Doc[];
  return { data: { list: projected.map(encodeDoc) } };
}

export function countDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const query = decodeObject(params.query, ctx.session.now, 'query') ?? {};
  if (Object.keys(query).length === 0 && !params.transactionId) return { data: { total: ctx.store.count(c) } };
  let total = 0;
  for (const _ of ctx.session.find(c, compileFilter(query))) total++;
  return { data: { total } };
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

export function insertDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const list = Array.isArray(params.data) ? params.data : [params.data];
  assert(list.length > 0, 'INVALID_PARAM', 'data is required');
  const docs = list.map((item) => decodeObject(item, ctx.session.now, 'data'));
  const insertedIds: string[] = [];
  for (const data of docs) {
    assert(data, 'INVALID_PARAM', 'data must be an object');
    const id = data._id === undefined ? newId() : data._id;
    assert(typeof id === 'string' && id.length > 0, 'INVALID_PARAM', '_id must be a non-empty string');
    ctx.session.insert(c, replacement(id, data));
    insertedIds.push(id);
  }
  return { data: { insertedIds } };
}

export function modifyDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const data = decodeObject(params.data, ctx.session.now, 'data');
  assert(data, 'INVALID_PARAM', 'data is required');
  const multi = params.multi === true;
  const found = select(ctx, c, params, { limit: multi ? Number.MAX_SAFE_INTEGER : 1, offset: 0 });
  // merge:false is doc(id).set(): replace the whole document, inserting it when absent (upsert).
  if (params.merge === false) {
    assert(!Object.keys(data).some((k) => k.startsWith('$')), 'DATABASE_REQUEST_FAILED', 'set() takes a document, not update operators');
    if (found.length === 0) {
      if (params.upsert !== true) return { data: { updated: 0 } };
      const query = decodeObject(params.query, ctx.session.now, 'query') ?? {};
      const id = typeof query._id === 'string' ? query._id : newId();
      ctx.session.insert(c, replacement(id, data));
      return { data: { updated: 0, upsert_id: id } };
    }
    let updated = 0;
    for (const loaded of found) {
      const next = replacement(loaded.id, data);
      const text = encodeDoc(next);
      if (text === loaded.text) continue;
      ctx.session.replace(c, loaded.id, next);
      updated++;
    }
    return { data: { updated } };
  }
  const modifier = toModifier(data);
  if (found.length === 0 && params.upsert === true) {
    const query = decodeObject(params.query, ctx.session.now, 'query') ?? {};
    const doc = upsertBase(query);
    applyModifier(doc, modifier);
    const id = typeof doc._id === 'string' ? doc._id : newId();
    ctx.session.insert(c, replacement(id, doc));
    return { data: { updated: 0, upsert_id: id } };
  }
  let updated = 0;
  for (const loaded of found) {
    const doc = loaded.doc;
    if (!applyModifier(doc, modifier)) continue;
    ctx.session.replace(c, loaded.id, doc);
    updated++;
  }
  return { data: { updated } };
}

/** `updateAndReturn()`: update the first match and answer the document after the update. */
export function modifyAndReturn(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const data = decodeObject(params.data, ctx.session.now, 'data');
  assert(data, 'INVALID_PARAM', 'data is required');
  const [loaded] = select(ctx, c, params, { limit: 1, offset: 0 });
  if (!loaded) return { data: { updated: 0, doc: null } };
  const doc = loaded.doc;
  const changed = applyModifier(doc, toModifier(data));
  if (changed) ctx.session.replace(c, loaded.id, doc);
  return { data: { updated: changed ? 1 : 0, doc: encodeDoc(doc) } };
}

export function removeDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const multi = params.multi === true;
  const found = select(ctx, c, params, { limit: multi ? Number.MAX_SAFE_INTEGER : 1, offset: 0 });
  for (const loaded of found) ctx.session.remove(c, loaded.id);
  return { data: { deleted: found.length } };
}
