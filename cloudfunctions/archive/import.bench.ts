/**
 * `npm run bench:import`: a 2,000-row import (2,000 person files + 2,000 roster rows over the 17 streets)
 * through the full stack on a fresh local cloud: upload, `archive.importPreview`, `archive.importCommit`.
 * Prints each call's time beside the function's timeout (cloudbaserc.json) and the database requests it made,
 * and what those requests mean against the basic plan's 30 requests/s (docs/archive-import.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, startLocalCloud } from '../../scripts/local-cloud';
import { FunctionsClient } from '../test-support/functions-client';
import { importWorkbook, memberRows, peopleRows, uploadAs } from './archive-test-support';

const ROWS = 2000;
const BASIC_PLAN_REQUESTS_PER_SECOND = 30;

async function timed<T>(fns: FunctionsClient, run: () => Promise<T>): Promise<{ ms: number; ops: number; result: T }> {
  const before = (await fns.stats()).database.operations;
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  return { ms, ops: (await fns.stats()).database.operations - before, result };
}

async function main(): Promise<void> {
  if (process.env.YANZHEN_BUILT !== '1') execFileSync(process.execPath, [join(PROJECT_ROOT, 'cloudfunctions', 'build.mjs')], { stdio: 'inherit' });
  const config = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; timeout: number }[] };
  const timeout = config.functions.find((f) => f.name === 'archive')?.timeout ?? 3;
  const cloud = await startLocalCloud({ quiet: true });
  try {
    const fns = new FunctionsClient(cloud.url);
    await fns.data('demo-admin', 'archive', { action: 'rosters' }); // a warm instance: cold starts are not measured
    const people = peopleRows(ROWS, 'bench');
    const bytes = await importWorkbook(people, memberRows(people));
    const fileID = await uploadAs(fns, 'demo-admin', `imports/bench-${Date.now()}.xlsx`, bytes);
    const preview = await timed(fns, () => fns.data<{ jobId: string; files: number; members: number; errorCount: number }>('demo-admin', 'archive', { action: 'importPreview', fileID }));
    if (!preview.result.jobId) throw new Error(`preview found ${preview.result.errorCount} errors`);
    const commit = await timed(fns, () => fns.data<{ files: number; members: number }>('demo-admin', 'archive', { action: 'importCommit', jobId: preview.result.jobId }));
    const line = (label: string, r: { ms: number; ops: number }) =>
      `${label.padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} s (timeout ${timeout} s)  ${String(r.ops).padStart(3)} database requests` +
      ` → ≥ ${(r.ops / BASIC_PLAN_REQUESTS_PER_SECOND).toFixed(2)} s at ${BASIC_PLAN_REQUESTS_PER_SECOND} requests/s`;
    console.log(`import of ${ROWS} people + ${ROWS} roster rows (${(bytes.length / 1024).toFixed(0)} KiB workbook)`);
    console.log(line('preview', preview));
    console.log(line('commit', commit));
    console.log(`imported ${commit.result.files} files and ${commit.result.members} roster rows`);
  } finally {
    await cloud.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
