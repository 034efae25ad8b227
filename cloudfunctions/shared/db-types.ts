/** The promise-style subset of wx-server-sdk's database API that our functions use. */
/* eslint-disable @typescript-eslint/no-explicit-any -- documents and commands are schemaless by nature */
export type Doc = Record<string, any>;

export interface QueryResult<T = Doc> { data: T[] }
/** `data` is null for a missing document (the database is created with `throwOnNotFound: false`). */
export interface GetOneResult<T = Doc> { data: T | null }
export interface UpdateResult { stats: { updated: number } }
export interface RemoveResult { stats: { removed: number } }
export interface SetResult { _id: string; stats: { updated: number; created: number } }
export interface AddResult { _id: string }

export interface Query<T = Doc> {
  where(q: Doc): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  skip(n: number): Query<T>;
  limit(n: number): Query<T>;
  field(projection: Record<string, boolean | 0 | 1 | DbOperator>): Query<T>;
  get(): Promise<QueryResult<T>>;
  count(): Promise<{ total: number }>;
  update(opts: { data: Doc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocRef<T = Doc> {
  get(): Promise<GetOneResult<T>>;
  /** A projection of the one document: `{ field: true }` keeps, `false` drops. */
  field(projection: Record<string, boolean>): DocRef<T>;
  set(opts: { data: Doc }): Promise<SetResult>;
  update(opts: { data: Doc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface Collection<T = Doc> extends Query<T> {
  doc(id: string): DocRef<T>;
  add(opts: { data: Doc }): Promise<AddResult>;
  aggregate(): Aggregate;
}

/**
 * A query, update or projection operator built by `db.command` (`_.gte(1)`, `_.inc(1)`, `_.project.slice(…)`).
 * Opaque: only the SDK reads it; typed so that a misspelt command or a misuse of its result is a compile error.
 */
export interface DbOperator {
  and(...conditions: unknown[]): DbOperator;
  or(...conditions: unknown[]): DbOperator;
}

/** `db.command`: the documented commands (query, logic, update) that the functions use or may use. */
export interface DbCommand {
  eq(value: unknown): DbOperator;
  neq(value: unknown): DbOperator;
  lt(value: unknown): DbOperator;
  lte(value: unknown): DbOperator;
  gt(value: unknown): DbOperator;
  gte(value: unknown): DbOperator;
  in(values: readonly unknown[]): DbOperator;
  nin(values: readonly unknown[]): DbOperator;
  exists(present: boolean): DbOperator;
  and(...conditions: unknown[]): DbOperator;
  or(...conditions: unknown[]): DbOperator;
  set(value: unknown): DbOperator;
  remove(): DbOperator;
  inc(by: number): DbOperator;
  mul(by: number): DbOperator;
  min(value: unknown): DbOperator;
  max(value: unknown): DbOperator;
  push(value: unknown): DbOperator;
  pull(value: unknown): DbOperator;
  addToSet(value: unknown): DbOperator;
  project: { slice(range: number | [number, number]): DbOperator };
  /** Aggregation expressions (`$.sum('$tally.v')`): only the SDK reads what they build. */
  aggregate: Record<string, (...args: unknown[]) => unknown>;
}

/** An aggregation pipeline; `end()` runs it and answers the rows (cast by the caller to its document shape). */
export interface Aggregate {
  match(query: Doc): Aggregate;
  project(projection: Doc): Aggregate;
  unwind(path: string | Doc): Aggregate;
  group(group: Doc): Aggregate;
  lookup(lookup: Doc): Aggregate;
  sort(order: Record<string, 1 | -1>): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  count(field: string): Aggregate;
  addFields(fields: Doc): Aggregate;
  end(): Promise<{ list: unknown[] }>;
}

/** A server-side date or regular expression placeholder (`db.serverDate()`, `db.RegExp(…)`), resolved by the database. */
export interface DbPlaceholder { readonly __placeholder?: never }

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
  command: DbCommand;
  serverDate(opts?: { offset?: number }): DbPlaceholder;
  RegExp(opts: { regexp: string; options?: string }): DbPlaceholder;
  runTransaction<R>(fn: (t: Transaction) => Promise<R>, retries?: number): Promise<R>;
  startTransaction(): Promise<Transaction & { commit(): Promise<unknown> }>;
  createCollection(name: string): Promise<unknown>;
}
