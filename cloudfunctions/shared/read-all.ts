import { db } from './cloud';
import type { Doc, Query } from './db-types';

/** CloudBase's largest page for a server-side `get()` (its default is 100). */
export const MAX_PAGE = 1000;

export interface ReadAllOptions {
  pageSize?: number;
  orderBy?: [string, 'asc' | 'desc'];
  field?: Record<string, boolean>;
}

/**
 * Every document matching `where`, page by page. It stops only when a page comes back EMPTY: CloudBase
 * may cap a page below the limit asked for (e.g. 100 without `limit`, or fewer for large documents), so
 * "a short page is the last one" would silently drop the rest. Ordered by `_id` unless told otherwise,
 * so that pages do not overlap or skip when documents tie on the sort key.
 */
export async function readAll<T = Doc>(collection: string, where: object, opts: ReadAllOptions = {}): Promise<T[]> {
  const pageSize = Math.min(opts.pageSize ?? MAX_PAGE, MAX_PAGE);
  const out: T[] = [];
  for (;;) {
    let query: Query = db.collection(collection).where(where);
    if (opts.orderBy) query = query.orderBy(opts.orderBy[0], opts.orderBy[1]);
    if (opts.orderBy?.[0] !== '_id') query = query.orderBy('_id', 'asc');
    if (opts.field) query = query.field(opts.field);
    const page = await query.skip(out.length).limit(pageSize).get();
    if (page.data.length === 0) return out;
    out.push(...(page.data as T[]));
  }
}
