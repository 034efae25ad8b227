import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EmulatorError } from '../errors';
import type { Doc } from './ejson';
import { arrayPathsIn, indexExpr, indexLookupSql, type Plan, type SqlValue } from './planner';
import type { CollectionSpec, IndexSpec } from './spec';

/**
 * SQLite storage: one table per collection (`t<N>`, mapped from the collection name in `_collections`),
 * rows `(seq, id, data, version)` where `data` is the document as relaxed EJSON text and `version` a
 * number that grows with every write (transactions compare it to detect conflicts). Declared indexes
 * become expression indexes on json_extract, so equality lookups do not scan the collection.
 */

export interface Row {
  id: string;
  data: string;
  version: number;
}

export interface Collection {
  name: string;
  table: string;
  indexes: IndexSpec[];
  /** Index field paths (or prefixes) that some document held an array at; the planner avoids them. */
  multikey: Set<string>;
}

type Statement = Database.Statement<unknown[], Row>;

/**
 * Told about every committed row change, so that open CloudBase transactions can keep reading the
 * snapshot they started on (transactions.ts). Reading the previous row costs a lookup, so it is only
 * done while `active()`.
 */
export interface ChangeObserver {
  active(): boolean;
  /** `before`: the row as it was (undefined: absent); `version`: the version of this change. */
  changed(c: Collection, id: string, before: Row | undefined, version: number): void;
}

type Change = Parameters<ChangeObserver['changed']>;

export class Store {
  readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly statements = new Map<string, Database.Statement>();
  /** Versions are epoch·2^32 + counter: the epoch grows at every start, so no stored version is reused. */
  private readonly epochBase: number;
  private counter = 0;
  private observer?: ChangeObserver;
  /** Changes made inside the SQLite transaction in progress: reported only once it commits. */
  private pendingChanges: Change[] = [];
  private depth = 0;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'database.sqlite'));
    // WAL + synchronous=NORMAL: a commit is in the WAL file (written, not yet fsynced) before the
    // request is answered, so it survives kill -9 of the process; only an OS crash or power loss could
    // lose the last commits, which does not matter for a laptop emulator and keeps writes fast.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL UNIQUE, created INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS _multikey (tbl TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (tbl, path));
      CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO _meta (key, value) VALUES ('epoch', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1;`);
    const epoch = (this.db.prepare(`SELECT value FROM _meta WHERE key = 'epoch'`).get() as { value: number }).value;
    this.epochBase = epoch * 2 ** 32;
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  nextVersion(): number {
    this.counter += 1;
    return this.epochBase + this.counter;
  }

  /** The highest version handed out so far (a transaction's snapshot point). */
  currentVersion(): number {
    return this.epochBase + this.counter;
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt as Statement;
  }

  /** Declared collections (from the spec) plus the ones created at run time and persisted. */
  open(spec: CollectionSpec[]): void {
    const tx = this.db.transaction(() => {
      for (const c of spec) this.attach(c.name, c.indexes, false);
      const created = this.db.prepare('SELECT name FROM _collections WHERE created = 1').all() as { name: string }[];
      for (const { name } of created) if (!this.collections.has(name)) this.attach(name, [], true);
    });
    tx();
  }

  get(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  /** `db.createCollection`: false when it exists already. */
  create(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.db.transaction(() => this.attach(name, [], true))();
    return true;
  }

  private attach(name: string, indexes: IndexSpec[], created: boolean): void {
    let row = this.db.prepare('SELECT tbl FROM _collections WHERE name = ?').get(name) as { tbl: string } | undefined;
    if (!row) {
      const n = (this.db.prepare('SELECT count(*) AS n FROM _collections').get() as { n: number }).n;
      row = { tbl: `t${n + 1}` };
      this.db.prepare('INSERT INTO _collections (name, tbl, created) VALUES (?, ?, ?)').run(name, row.tbl, created ? 1 : 0);
    } else if (created) {
      this.db.prepare('UPDATE _collections SET created = 1 WHERE name = ?').run(name);
    }
    const table = row.tbl;
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, version INTEGER NOT NULL)`);
    const multikey = new Set((this.db.prepare('SELECT path FROM _multikey WHERE tbl = ?').all(table) as { path: string }[]).map((r) => r.path));
    const collection: Collection = { name, table, indexes, multikey };
    this.syncIndexes(collection);
    this.collections.set(name, collection);
  }

  /** Makes the table's `ix_` indexes exactly the declared ones (recreating any whose definition changed). */
  private syncIndexes(c: Collection): void {
    const existing = new Map(
      (this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix!_%' ESCAPE '!'`).all(c.table) as { name: string; sql: string }[]).map((r) => [r.name, r.sql]),
    );
    for (const index of c.indexes) {
      const sqlName = `ix_${c.table}_${index.name}`;
      const columns = index.keys.map((k) => `${indexExpr(k.field)}${k.direction === -1 ? ' DESC' : ''}`).join(', ');
      const sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${sqlName}" ON "${c.table}" (${columns})`;
      if (existing.get(sqlName) === sql) {
        existing.delete(sqlName);
        continue;
      }
      if (existing.has(sqlName)) this.db.exec(`DROP INDEX "${sqlName}"`);
      existing.delete(sqlName);
      try {
        this.db.exec(sql);
      } catch (err) {
        throw new Error(`cannot create index ${index.name} on ${c.name}: ${(err as Error).message} (existing documents violate it)`);
      }
      this.recordMultikey(c, this.scanArrayPaths(c, index));
    }
    for (const stale of existing.keys()) this.db.exec(`DROP INDEX "${stale}"`);
  }

  private scanArrayPaths(c: Collection, index: IndexSpec): Doc[] {
    const checks = index.keys.flatMap((k) => k.field.split('.').map((_, i, parts) => `json_type(data, '$.${parts.slice(0, i + 1).map((s) => `"${s}"`).join('.')}') = 'array'`));
    const rows = this.db.prepare(`SELECT data FROM "${c.table}" WHERE ${checks.join(' OR ')}`).all() as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Doc);
  }

  private recordMultikey(c: Collection, docs: Doc[]): void {
    if (c.indexes.length === 0) return;
    const fields = c.indexes.flatMap((ix) => ix.keys.map((k) => k.field));
    for (const doc of docs) {
      for (const p of arrayPathsIn(doc, fields)) {
        if (c.multikey.has(p)) continue;
        c.multikey.add(p);
        this.prepare('INSERT OR IGNORE INTO _multikey (tbl, path) VALUES (?, ?)').run(c.table, p);
      }
    }
  }

  byId(c: Collection, id: string): Row | undefined {
    return this.prepare(`SELECT id, data, version FROM "${c.table}" WHERE id = ?`).get(id);
  }

  /** Rows that may match, in insertion order. Lazy so that an unordered, limited query can stop early. */
  *candidates(c: Collection, plan: Plan): Generator<Row> {
    if (plan.kind === 'ids') {
      if (plan.ids.length === 1) {
        const row = this.byId(c, plan.ids[0]);
        if (row) yield row;
        return;
      }
      // Natural order, as MongoDB answers `_id: {$in: [...]}`, not the order of the list.
      yield* this.prepare(`SELECT id, data, version FROM "${c.table}" WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`).iterate(JSON.stringify(plan.ids));
      return;
    }
    if (plan.kind === 'index') {
      yield* this.prepare(indexLookupSql(c.table, plan.fields)).iterate(...plan.values);
      return;
    }
    yield* this.prepare(`SELECT id, data, version FROM "${c.table}" ORDER BY seq`).iterate();
  }

  /** Every row id of the collection, in insertion order. */
  ids(c: Collection): string[] {
    return this.prepare(`SELECT id FROM "${c.table}" ORDER BY seq`).all().map((r) => r.id);
  }

  count(c: Collection): number {
    return (this.prepare(`SELECT count(*) AS n FROM "${c.table}"`).get() as unknown as { n: number }).n;
  }

  observe(observer: ChangeObserver): void {
    this.observer = observer;
  }

  /** The row before a change, when someone is watching (undefined otherwise, or when absent). */
  private before(c: Collection, id: string): { watched: boolean; row?: Row } {
    if (!this.observer?.active()) return { watched: false };
    return { watched: true, row: this.byId(c, id) };
  }

  private report(...change: Change): void {
    if (this.depth > 0) this.pendingChanges.push(change);
    else this.observer?.changed(...change);
  }

  insert(c: Collection, id: string, doc: Doc, data: string): number {
    const watched = this.observer?.active() ?? false;
    const version = this.nextVersion();
    this.guard(c, () => this.prepare(`INSERT INTO "${c.table}" (id, data, version) VALUES (?, ?, ?)`).run(id, data, version));
    this.recordMultikey(c, [doc]);
    if (watched) this.report(c, id, undefined, version);
    return version;
  }

  replace(c: Collection, id: string, doc: Doc, data: string): number {
    const { watched, row } = this.before(c, id);
    const version = this.nextVersion();
    const { changes } = this.guard(c, () => this.prepare(`UPDATE "${c.table}" SET data = ?, version = ? WHERE id = ?`).run(data, version, id));
    this.recordMultikey(c, [doc]);
    if (watched && changes > 0) this.report(c, id, row, version);
    return version;
  }

  remove(c: Collection, id: string): number {
    const { watched, row } = this.before(c, id);
    this.prepare(`DELETE FROM "${c.table}" WHERE id = ?`).run(id);
    const version = this.nextVersion();
    if (watched && row) this.report(c, id, row, version);
    return version;
  }

  /**
   * Runs `fn` in one SQLite transaction (atomic multi-document writes, transaction commits). Row changes
   * are reported to the observer only when the outermost transaction commits; a rolled-back (part of a)
   * transaction reports nothing.
   */
  transaction<T>(fn: () => T): T {
    const mark = this.pendingChanges.length;
    this.depth += 1;
    let result: T;
    try {
      result = this.runInTransaction(fn) as T;
    } catch (err) {
      this.pendingChanges.length = mark;
      throw err;
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0 && this.pendingChanges.length > 0) {
      const changes = this.pendingChanges;
      this.pendingChanges = [];
      for (const change of changes) this.observer?.changed(...change);
    }
    return result;
  }

  /** Built once (in the constructor): better-sqlite3's transaction() wrapper is costly to create per call. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  /** Unique violations become MongoDB's E11000 error, which is what CloudBase reports. */
  private guard(c: Collection, write: () => Database.RunResult): Database.RunResult {
    try {
      return write();
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      const m = /index '([^']+)'/.exec(e.message ?? '');
      const sqlName = m ? m[1] : '';
      const index = c.indexes.find((ix) => `ix_${c.table}_${ix.name}` === sqlName);
      const indexName = index ? index.name : '_id_';
      throw new EmulatorError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${c.name} index: ${indexName} dup key`);
    }
  }

  close(): void {
    this.db.close();
  }
}

export type { SqlValue };
