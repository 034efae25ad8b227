import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseService } from '../src/database';
import { FIXTURE_SPEC } from './sdk';

// Every write the emulator acknowledged to the SDK is still there after kill -9 of the process.
it('keeps acknowledged writes across kill -9', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanzhen-durable-'));
  // node itself (not the tsx CLI, which forks) so that SIGKILL hits the process that holds the database.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'durability-writer.ts'), dataDir], {
    cwd: path.join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: { id: string; i: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [id, i] = line.split(' ');
        acked.push({ id, i: Number(i) });
      }
      if (acked.length >= 150 && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${code}`))));
  });
  await new Promise((r) => child.once('close', r));

  const db = createDatabaseService({ dataDir, specPath: FIXTURE_SPEC });
  try {
    const get = db.handlers['database.getDocument'];
    const last = acked[acked.length - 1];
    for (const { id } of acked) {
      const res = (await get({ action: 'database.getDocument', requestId: 't', params: { collectionName: 'items', queryType: 'DOC', query: JSON.stringify({ _id: id }) } })) as { data: { list: string[] } };
      expect(res.data.list).toHaveLength(1);
    }
    const counter = (await get({ action: 'database.getDocument', requestId: 't', params: { collectionName: 'accounts', queryType: 'DOC', query: '{"_id":"counter"}' } })) as { data: { list: string[] } };
    expect(JSON.parse(counter.data.list[0]).i).toBeGreaterThanOrEqual(last.i);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
