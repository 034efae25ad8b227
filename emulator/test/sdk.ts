import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../src/server';
import { createDatabaseService, type DatabaseService } from '../src/database';
import { sdkEnvironment } from '../../scripts/sdk-env';

/**
 * Test helpers for driving the emulator through the REAL wx-server-sdk, as a cloud function would.
 * `connectSdk(port)` sets the environment a function instance gets and then loads the SDK (it reads
 * the variables when it is required and on each request), so call it before any other require of
 * wx-server-sdk in the test file.
 */

/* The SDK ships no types we rely on here; tests use its documented surface (init, database, command). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WxCloud = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WxDatabase = any;

export function connectSdk(port: number, extraEnv: Record<string, string> = {}): { cloud: WxCloud; db: WxDatabase } {
  Object.assign(process.env, sdkEnvironment(`http://127.0.0.1:${port}/admin`, 'local'), extraEnv);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return { cloud, db: cloud.database() };
}

export const FIXTURE_SPEC = path.join(__dirname, 'fixtures', 'database.json');

export interface DatabaseEmulator {
  cloud: WxCloud;
  db: WxDatabase;
  service: DatabaseService;
  server: RunningServer;
  dataDir: string;
  close(): Promise<void>;
}

/** A database-only emulator on a free port with a fresh data folder, and the SDK pointed at it. */
export async function startDatabaseEmulator(opts: { specPath?: string; dataDir?: string } = {}): Promise<DatabaseEmulator> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yanzhen-db-'));
  const service = createDatabaseService({ dataDir, specPath: opts.specPath ?? FIXTURE_SPEC });
  const server = await startServer({ host: '127.0.0.1', port: 0 }, { handlers: service.handlers, routes: [] });
  const { cloud, db } = connectSdk(server.port);
  return {
    cloud,
    db,
    service,
    server,
    dataDir,
    close: async () => {
      await server.close();
      service.close();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error an SDK call rejects with (as a cloud function would catch it); fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string; code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { errCode: number; errMsg: string; code?: string };
  }
  throw new Error('expected the call to fail');
}
