/**
 * `npm start`: build what is needed, start the local cloud on 127.0.0.1:8787 (PORT) with its data in .data
 * (DATA_DIR), seed demo data when the data folder is new (pages opened meanwhile say so and wait), and serve the
 * H5 preview at the printed URL.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './build-steps';
import { PREPARING_MARKER, PROJECT_ROOT, startLocalCloud } from './local-cloud';

async function main(): Promise<void> {
  buildAll({ h5: true, weapp: false });
  const dataDir = process.env.DATA_DIR ?? join(PROJECT_ROOT, '.data');
  // New, or an earlier start stopped while seeding (the marker is still there): seed (writes are upserts).
  const fresh = !existsSync(join(dataDir, 'database.sqlite')) || existsSync(join(dataDir, PREPARING_MARKER));
  // Pages opened while seeding show "正在准备演示数据" and reload themselves until the data is there.
  const cloud = await startLocalCloud({ port: Number(process.env.PORT ?? 8787), dataDir, seed: fresh });
  console.log(`\n  雁阵 Yanzhen is running: open ${cloud.url}/ in a browser (375 px wide for the phone view).`);
  console.log(`  Data: ${dataDir}${fresh ? ' (new, demo data seeded)' : ''}. Stop with Ctrl+C.\n`);
  const stop = () => void cloud.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cloud.process.once('exit', (code) => process.exit(code ?? 1));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
