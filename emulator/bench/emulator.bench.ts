/**
 * `npm run bench:emulator`: operations per second through the full SDK path (wx-server-sdk → HTTP →
 * database handlers → SQLite) beside raw better-sqlite3 doing the same work on the same machine in the
 * same run. The ratio (raw ÷ SDK) is the figure: it is the emulator's overhead per operation.
 * Each row runs for a bounded time (ROW_MS, default 2 s) after a short warm-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startDatabaseEmulator } from '../test/sdk';

const ROW_MS = Number(process.env.ROW_MS ?? 2000);
const WARMUP_MS = 200;
const SEED_DOCS = 5000;
const GROUPS = SEED_DOCS / 100; // every group has exactly 100 documents

async function rate(run: (i: number) => unknown): Promise<number> {
  let i = 0;
  const warmEnd = Date.now() + WARMUP_MS;
  while (Date.now() < warmEnd) await run(i++);
  const start = process.hrtime.bigint();
  const end = Date.now() + ROW_MS;
  let n = 0;
  while (Date.now() < end) {
    await run(i++);
    n++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return n / seconds;
}

function seedDoc(i: number) {
  return { _id: `seed${i}`, group: `g${i % GROUPS}`, n: i, title: `document ${i}`, tags: ['a', 'b'], createdAt: new Date(1_700_000_000_000 + i) };
}

function openRaw(dir: string) {
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(`CREATE TABLE docs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
            CREATE INDEX docs_group ON docs (json_extract(data, '$.group'));`);
  const insert = raw.prepare('INSERT INTO docs (id, data) VALUES (?, ?)');
  raw.transaction(() => {
    for (let i = 0; i < SEED_DOCS; i++) insert.run(`seed${i}`, JSON.stringify(seedDoc(i)));
  })();
  return {
    raw,
    insert: (i: number) => insert.run(`new${i}`, JSON.stringify({ group: 'new', n: i, title: `new ${i}` })),
    get: raw.prepare('SELECT data FROM docs WHERE id = ?').pluck(),
    inc: raw.prepare(`UPDATE docs SET data = json_set(data, '$.n', json_extract(data, '$.n') + 1) WHERE id = ?`),
    query: raw.prepare(`SELECT data FROM docs WHERE json_extract(data, '$.group') = ? LIMIT 100`).pluck(),
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanzhen-bench-'));
  const emu = await startDatabaseEmulator({ specPath: path.join(__dirname, 'bench-database.json'), dataDir: path.join(dir, 'emulator') });
  const rawDb = openRaw(dir);
  try {
    const coll = emu.db.collection('bench');
    const _ = emu.db.command;
    for (let i = 0; i < SEED_DOCS; i += 500) await coll.add({ data: Array.from({ length: 500 }, (_x, k) => seedDoc(i + k)) });
    const pick = (i: number) => `seed${(i * 7919) % SEED_DOCS}`;

    const rows: { op: string; sdk: number; raw: number }[] = [];
    const measure = async (op: string, sdk: (i: number) => Promise<unknown>, raw: (i: number) => unknown) => {
      rows.push({ op, sdk: await rate(sdk), raw: await rate(raw) });
      process.stderr.write(`  measured ${op}\n`);
    };

    await measure(
      'insert one document',
      (i) => coll.add({ data: { group: 'new', n: i, title: `new ${i}`, at: new Date() } }),
      (i) => rawDb.insert(i),
    );
    await measure(
      'get by _id',
      async (i) => {
        const { data } = await coll.doc(pick(i)).get();
        if (!data) throw new Error('missing');
      },
      (i) => JSON.parse(rawDb.get.get(pick(i)) as string),
    );
    await measure(
      '$inc update by _id',
      (i) => coll.doc(pick(i)).update({ data: { n: _.inc(1) } }),
      (i) => rawDb.inc.run(pick(i)),
    );
    await measure(
      'query 100 docs (indexed)',
      async (i) => {
        const { data } = await coll.where({ group: `g${i % GROUPS}` }).limit(100).get();
        if (data.length !== 100) throw new Error(`expected 100, got ${data.length}`);
      },
      (i) => (rawDb.query.all(`g${i % GROUPS}`) as string[]).map((t) => JSON.parse(t)),
    );

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const lines = [
      `Emulator database benchmark (${SEED_DOCS} seeded documents, ${ROW_MS} ms per measurement, sequential calls)`,
      '',
      `| operation                 | SDK ops/s | raw SQLite ops/s | raw ÷ SDK |`,
      `|---------------------------|----------:|-----------------:|----------:|`,
      ...rows.map((r) => `| ${r.op.padEnd(25)} | ${fmt(r.sdk).padStart(9)} | ${fmt(r.raw).padStart(16)} | ${(r.raw / r.sdk).toFixed(1).padStart(8)}× |`),
      '',
      `SDK path: wx-server-sdk → HTTP (127.0.0.1) → emulator handlers → better-sqlite3 (WAL, synchronous=NORMAL).`,
      `Raw: better-sqlite3 on the same machine, same pragmas, JSON text rows with the same expression index.`,
      `Requests served by the database service: ${emu.service.stats().operations}.`,
    ];
    console.log(lines.join('\n'));
  } finally {
    rawDb.raw.close();
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
