import { randomBytes } from 'node:crypto';
import { find as mingoFind } from 'mingo';
import { assert } from '../errors';
import type { AdminParams } from '../types';
import { decodeWireParam, encodeDoc, isPlainObject, type Doc } from './ejson';
import { mentionsNear, nearOf, requireGeoIndex, sortByDistance } from './geo-query';
import { isDocumentId, isObjectId, rowKey } from './ids';
import { withQueryErrors } from './operators';
import { compileFilter, type Loaded, type Session } from './session';
import type { Collection, Store } from './store';
import { applyModifier, assertStorable, replacement, toModifier, upsertBase } from './update';

/**
 * The document actions (`database.*` minus transactions and collections), as plain functions of the
 * request parameters and a Session. Reply shapes are the ones wx-server-sdk reads (wire-protocol notes).
 * Semantics chosen where CloudBase's are not documented are listed in docs/emulator-semantics.md.
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

/** The decoded `query` param (an absent query is `{}`: callers that must refuse that check first). */
function queryOf(ctx: OpContext, params: AdminParams): Doc {
  return decodeObject(params.query, ctx.session.now, 'query') ?? {};
}

/**
 * `collection.update()` / `.remove()` without `where()` arrive as WHERE requests with no `query` (or
 * `""`): refused rather than applied to the whole collection. `where({})` sends `"{}"` and is allowed.
 */
function assertHasQuery(params: AdminParams, what: string): void {
  const q = params.query;
  assert(q !== undefined && q !== null && q !== '', 'INVALID_PARAM', `${what} needs a query: call where() first (the whole collection is never updated or removed implicitly)`);
}

/**
 * The matches of a read or write, honouring order/offset/limit; stops early when there is no order.
 * A `$nearSphere` (`_.geoNear`) orders the matches nearest first, then an explicit order re-sorts them
 * (as in MongoDB, where `sort()` overrides `$near`'s order).
 */
function select(ctx: OpContext, c: Collection, query: Doc, opts: { limit: number; order?: Record<string, 1 | -1>; offset: number }): Loaded[] {
  const near = nearOf(query);
  if (near) requireGeoIndex(c.indexes, c.name, near.field);
  const matches = ctx.session.find(c, compileFilter(query));
  if (!opts.order && !near) {
    const out: Loaded[] = [];
    let skipped = 0;
    if (opts.limit === 0) return out;
    for (const loaded of matches) {
      if (skipped < opts.offset) skipped++;
      else if (out.push(loaded) >= opts.limit) break;
    }
    return out;
  }
  let all = [...matches];
  if (near) all = sortByDistance(all, (l) => l.doc, near.field, near.near.point);
  if (!opts.order) return all.slice(opts.offset, opts.offset + opts.limit);
  const byDoc = new Map<Doc, Loaded>(all.map((l) => [l.doc, l]));
  const sorted = mingoFind(all.map((l) => l.doc), {}).sort(opts.order).skip(opts.offset).limit(opts.limit).all() as Doc[];
  return sorted.map((d) => byDoc.get(d) as Loaded);
}

export function getDocument(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    // CloudBase serves at most 1000 documents per server-side get() (100 when no limit is given); the
    // SDK caps limit() at 1000 itself, and a hand-made request asking for more is capped here.
    const limit = Math.min(toCount(params.limit, DEFAULT_LIMIT, 'limit'), MAX_LIMIT);
    const offset = toCount(params.offset, 0, 'offset');
    const order = decodeOrder(params.order, ctx.session.now);
    const multi = params.queryType !== 'DOC';
    const found = select(ctx, c, queryOf(ctx, params), { limit: multi ? limit : 1, offset: multi ? offset : 0, order: multi ? order : undefined });
    const projection = decodeObject(params.projection, ctx.session.now, 'projection');
    if (!projection || Object.keys(projection).length === 0) return { data: { list: found.map((l) => l.text) } };
    const projected = mingoFind(found.map((l) => l.doc), {}, projection).all() as Doc[];
    return { data: { list: projected.map(encodeDoc) } };
  });
}

export function countDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    const query = queryOf(ctx, params);
    // MongoDB's count runs the filter as a $match, where $near/$nearSphere are refused.
    assert(!mentionsNear(query), 'DATABASE_REQUEST_FAILED', '$geoNear, $near, and $nearSphere are not allowed in this context (count)');
    if (Object.keys(query).length === 0 && !params.transactionId) return { data: { total: ctx.store.count(c) } };
    let total = 0;
    for (const _ of ctx.session.find(c, compileFilter(query))) total++;
    return { data: { total } };
  });
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

/** The `_id` a `doc(id).set()` / upsert creates: the query's `_id` when it is a plain id value. */
function upsertId(query: Doc): unknown {
  return isDocumentId(query._id) ? query._id : newId();
}

export function insertDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  const list = Array.isArray(params.data) ? params.data : [params.data];
  assert(list.length > 0, 'INVALID_PARAM', 'data is required');
  const docs = list.map((item) => decodeObject(item, ctx.session.now, 'data'));
  const insertedIds: unknown[] = [];
  for (const data of docs) {
    assert(data, 'INVALID_PARAM', 'data must be an object');
    const id = data._id === undefined ? newId() : data._id;
    rowKey(id); // refuses ids that are not a string, number or ObjectId
    const doc = replacement(id, data);
    assertStorable(doc);
    ctx.session.insert(c, doc);
    insertedIds.push(id);
  }
  // The reply is JSON, not EJSON: an ObjectId id is answered as its hex string.
  return { data: { insertedIds: insertedIds.map((id) => (isObjectId(id) ? id.toHexString() : id)) } };
}

/**
 * `updated` is the number of documents MATCHED (MongoDB's n), not of documents changed: a write that
 * leaves a document as it was still reports it (CloudBase's `updated` maps n). Such a no-op is not
 * written, so it moves no version and cannot cause transaction conflicts.
 */
export function modifyDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    const data = decodeObject(params.data, ctx.session.now, 'data');
    assert(data, 'INVALID_PARAM', 'data is required');
    const multi = params.multi === true;
    if (params.queryType !== 'DOC') assertHasQuery(params, 'update()');
    const query = queryOf(ctx, params);
    const found = select(ctx, c, query, { limit: multi ? Number.MAX_SAFE_INTEGER : 1, offset: 0 });
    // merge:false is doc(id).set(): replace the whole document, inserting it when absent (upsert).
    if (params.merge === false) {
      assert(!Object.keys(data).some((k) => k.startsWith('$')), 'DATABASE_REQUEST_FAILED', 'set() takes a document, not update operators');
      if (found.length === 0) {
        if (params.upsert !== true) return { data: { updated: 0 } };
        const doc = replacement(upsertId(query), data);
        assertStorable(doc);
        ctx.session.insert(c, doc);
        return { data: { updated: 0, upsert_id: doc._id } };
      }
      for (const loaded of found) {
        const next = replacement(loaded.doc._id, data);
        assertStorable(next);
        if (encodeDoc(next) !== loaded.text) ctx.session.replace(c, loaded.id, next);
      }
      return { data: { updated: found.length } };
    }
    const modifier = toModifier(data);
    if (found.length === 0 && params.upsert === true) {
      const doc = upsertBase(query);
      applyModifier(doc, modifier);
      const upserted = replacement(isDocumentId(doc._id) ? doc._id : newId(), doc);
      assertStorable(upserted);
      ctx.session.insert(c, upserted);
      return { data: { updated: 0, upsert_id: upserted._id } };
    }
    for (const loaded of found) {
      const doc = loaded.doc;
      if (!applyModifier(doc, modifier)) continue;
      assertStorable(doc);
      ctx.session.replace(c, loaded.id, doc);
    }
    return { data: { updated: found.length } };
  });
}

/** `updateAndReturn()`: update the first match and answer the document after the update. */
export function modifyAndReturn(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    const data = decodeObject(params.data, ctx.session.now, 'data');
    assert(data, 'INVALID_PARAM', 'data is required');
    assertHasQuery(params, 'updateAndReturn()');
    const [loaded] = select(ctx, c, queryOf(ctx, params), { limit: 1, offset: 0 });
    if (!loaded) return { data: { updated: 0, doc: null } };
    const doc = loaded.doc;
    if (applyModifier(doc, toModifier(data))) {
      assertStorable(doc);
      ctx.session.replace(c, loaded.id, doc);
    }
    return { data: { updated: 1, doc: encodeDoc(doc) } };
  });
}

export function removeDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    const multi = params.multi === true;
    if (params.queryType !== 'DOC') assertHasQuery(params, 'remove()');
    const found = select(ctx, c, queryOf(ctx, params), { limit: multi ? Number.MAX_SAFE_INTEGER : 1, offset: 0 });
    for (const loaded of found) ctx.session.remove(c, loaded.id);
    return { data: { deleted: found.length } };
  });
}
