/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/local-cloud';

// `npm run deploy -- --dry-run` on the real builds (the weapp project's global setup makes them), with no
// credentials in the environment: it must pass and print the plan. Then on a copy with broken declarations,
// it must refuse and say what is wrong.
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CREDENTIALS = ['YANZHEN_APPID', 'YANZHEN_PRIVATE_KEY_PATH', 'YANZHEN_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];

function dryRun(...args: string[]) {
  const env = { ...process.env };
  for (const name of CREDENTIALS) delete env[name];
  const run = spawnSync(TSX, [join(PROJECT_ROOT, 'scripts', 'deploy', 'main.ts'), '--dry-run', '--skip-build', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe('deploy dry run', () => {
  it('passes on the real build without credentials and prints the plan', () => {
    const { status, out } = dryRun();
    console.log(out);
    expect(out).toMatch(/Cloud functions \(runtime Nodejs20\.19, bundles built for node20\.19/);
    expect(out).toMatch(/showcase .*openapi security\.mediaCheckAsync, security\.msgSecCheck, wxacode\.getUnlimited/);
    const declared = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cloudfunctions', 'database.json'), 'utf8')) as { collections: unknown[] }).collections.length;
    expect(out).toMatch(new RegExp(`Database: ${declared} collections, \\d+ indexes \\(2dsphere: salons\\.location_geo\\)`));
    expect(out).toMatch(/main package [\d.]+ KiB of 1536\.0 KiB/);
    expect(out).toMatch(/Dry run passed.*A real deploy also needs YANZHEN_APPID, YANZHEN_PRIVATE_KEY_PATH, YANZHEN_ENV_ID/);
    expect(status).toBe(0);
    // What is uploaded carries its cloud-call permissions.
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'build', 'cloudfunctions', 'showcase', 'config.json'), 'utf8'))).toEqual({
      permissions: { openapi: ['security.mediaCheckAsync', 'security.msgSecCheck', 'wxacode.getUnlimited'] },
    });
  });

  it('refuses a broken trigger, timeout, index and function folder, naming each', () => {
    const root = mkdtempSync(join(tmpdir(), 'yanzhen-deploy-'));
    try {
      const rc = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cloudbaserc.json'), 'utf8'));
      rc.functions[0].triggers = [{ name: 'nightly', type: 'timer', config: '0 2 * * *' }];
      rc.functions[1].timeout = 120;
      writeFileSync(join(root, 'cloudbaserc.json'), JSON.stringify(rc));
      mkdirSync(join(root, 'cloudfunctions'));
      cpSync(join(PROJECT_ROOT, 'cloudfunctions', 'build.mjs'), join(root, 'cloudfunctions', 'build.mjs'));
      const db = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cloudfunctions', 'database.json'), 'utf8'));
      db.collections[0].indexes.push({ name: 'geo', unique: true, keys: [{ field: 'location', direction: '2dsphere' }] });
      writeFileSync(join(root, 'cloudfunctions', 'database.json'), JSON.stringify(db));
      cpSync(join(PROJECT_ROOT, 'build', 'cloudfunctions'), join(root, 'build', 'cloudfunctions'), { recursive: true });
      rmSync(join(root, 'build', 'cloudfunctions', 'vote', 'package.json'));
      symlinkSync(join(PROJECT_ROOT, 'build', 'weapp'), join(root, 'build', 'weapp'));
      const { status, out } = dryRun(`--root=${root}`);
      expect(status).toBe(1);
      expect(out).toMatch(/Deploy refused, 4 problem\(s\)/);
      expect(out).toContain('cloudbaserc.json: function user: trigger nightly: cron "0 2 * * *" has 5 fields; CloudBase needs 7');
      expect(out).toContain(`cloudbaserc.json: function ${rc.functions[1].name}: timeout 120 must be a whole number of seconds from 1 to 60`);
      expect(out).toContain('build/cloudfunctions/vote: package.json is missing');
      expect(out).toContain('cloudfunctions/database.json: collection users index geo: a 2dsphere index cannot be unique');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
