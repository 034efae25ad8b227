/** The promise-style subset of wx-server-sdk's database API that our functions use. */
/* eslint-disable @typescript-eslint/no-explicit-any -- documents and commands are schemaless by nature */
export type Doc = Record<string, any>;

export interface QueryResult<T = Doc> { data: T[] }
export interface GetOneResult<T = Doc> { data: T }
export interface UpdateResult { stats: { updated: number } }
export interface RemoveResult { stats: { removed: number } }
export interface SetResult { _id: string; stats: { updated: number; created: number } }
export interface AddResult { _id: string }

export interface Query<T = Doc> {
  where(q: Doc): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  skip(n: number): Query<T>;
  limit(n: number): Query<T>;
  field(projection: Record<string, boolean | 0 | 1>): Query<T>;
  get(): Promise<QueryResult<T>>;
  count(): Promise<{ total: number }>;
  update(opts: { data: Doc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocRef<T = Doc> {
  get(): Promise<GetOneResult<T>>;
  set(opts: { data: Doc }): Promise<SetResult>;
  update(opts: { data: Doc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface Collection<T = Doc> extends Query<T> {
  doc(id: string): DocRef<T>;
  add(opts: { data: Doc }): Promise<AddResult>;
  aggregate(): any;
}

export interface Transaction {
  /**
   * Only single-document operations are allowed in a CloudBase transaction (no where/count/aggregate), so
   * that is all this type offers. `doc().get()` answers `data: null` for a missing document when the
   * database was created with `throwOnNotFound: false` (see shared/transaction.ts).
   */
  collection<T = Doc>(name: string): { doc(id: string): DocRef<T>; add(opts: { data: Doc }): Promise<AddResult> };
  rollback(reason?: unknown): Promise<never>;
}

export interface Db {
  collection<T = Doc>(name: string): Collection<T>;
  command: any;
  serverDate(opts?: { offset?: number }): any;
  RegExp(opts: { regexp: string; options?: string }): any;
  runTransaction<R>(fn: (t: Transaction) => Promise<R>, retries?: number): Promise<R>;
  startTransaction(): Promise<Transaction & { commit(): Promise<unknown> }>;
  createCollection(name: string): Promise<unknown>;
}
