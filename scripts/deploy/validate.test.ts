import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cronProblem } from '../../emulator/src/functions/cron';
import { resolveEnvVariables } from './apply-functions';
import { parseArgs } from './main';
import { openApiCalls } from './openapi';
import { runtimeProblems } from './plan';
import { checkDatabase, checkFunctionFolder, checkFunctionsConfig } from './validate';

const ROOT = join(__dirname, '..', '..');
const fn = (extra: Record<string, unknown> = {}) => ({ name: 'user', timeout: 10, runtime: 'Nodejs20.19', installDependency: true, ...extra });
const problemsOf = (extra: Record<string, unknown>, built = ['user']) => checkFunctionsConfig({ functions: [fn(extra)] }, built).problems;

describe('cron of timer triggers (7 fields)', () => {
  it.each(['0 0 2 1 * * *', '*/5 * * * * * *', '0 30 8-18/2 * * MON-FRI *', '0 0 0 1 JAN,JUL * 2027'])('accepts %s', (cron) => {
    expect(cronProblem(cron)).toBeNull();
  });
  it('refuses a 5-field Unix cron, saying CloudBase needs 7 fields', () => {
    expect(cronProblem('0 2 * * *')).toMatch(/has 5 fields; CloudBase needs 7/);
  });
  it.each([
    ['60 0 2 * * * *', /second "60" is out of range/],
    ['0 0 24 * * * *', /hour "24" is out of range/],
    ['0 0 2 0 * * *', /day of month "0" is out of range/],
    ['0 0 2 * 13 * *', /month "13" is out of range/],
    ['0 0 2 * * 7 *', /day of week "7" is out of range/],
    ['0 */0 * * * * *', /bad step/],
    ['0 0 18-8 * * * *', /runs backwards/],
    ['', /missing/],
  ])('refuses %j', (cron, message) => {
    expect(cronProblem(cron)).toMatch(message);
  });
});

describe('function declarations (cloudbaserc.json)', () => {
  it('accepts the repository file against the built folders', () => {
    const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string }[] };
    const result = checkFunctionsConfig(rc, rc.functions.map((f) => f.name));
    expect(result.problems).toEqual([]);
    expect(result.functions.every((f) => f.runtime === 'Nodejs20.19' && f.installDependency)).toBe(true);
  });
  it.each([
    [{ timeout: 0 }, /timeout 0 must be a whole number of seconds from 1 to 60/],
    [{ timeout: 61 }, /timeout 61/],
    [{ timeout: '10' }, /timeout "10"/],
    [{ memorySize: 100 }, /memorySize 100 must be 128-2048 MB/],
    [{ memorySize: 4096 }, /memorySize 4096/],
    [{ runtime: 'Nodejs8.9' }, /runtime "Nodejs8.9" is not one CloudBase offers/],
    [{ installDependency: false }, /"installDependency" must be true/],
    [{ triggers: [{ name: 'nightly', type: 'timer', config: '0 2 * * *' }] }, /trigger nightly: cron "0 2 \* \* \*" has 5 fields/],
    [{ triggers: [{ name: 'hook', type: 'http', config: '0 0 2 * * * *' }] }, /trigger hook has type "http"; only "timer"/],
    [{ triggers: [{ type: 'timer', config: '0 0 2 * * * *' }] }, /trigger undefined needs a name/],
    [{ triggers: [{ name: 'a', type: 'timer', config: '0 0 2 * * * *' }, { name: 'b', type: 'timer', config: '0 0 3 * * * *' }] }, /2 triggers declared/],
    [{ envVariables: { 'BAD-KEY': 'x' } }, /environment variable name "BAD-KEY"/],
    [{ envVariables: { LIMIT: 3 } }, /environment variable LIMIT must be a string/],
  ])('refuses %j', (extra, message) => {
    expect(problemsOf(extra)).toEqual([expect.stringMatching(message)]);
  });
  it('names a declared function that was not built, and a built one that is not declared', () => {
    expect(problemsOf({}, [])).toEqual([expect.stringMatching(/function user has no built folder build\/cloudfunctions\/user/)]);
    expect(problemsOf({}, ['user', 'extra'])).toEqual([expect.stringMatching(/built function extra is not declared/)]);
  });
  it('refuses functions on different runtimes and a bundle target that is not the runtime', () => {
    const mixed = checkFunctionsConfig({ functions: [fn(), fn({ name: 'vote', runtime: 'Nodejs16.13' })] }, ['user', 'vote']);
    expect(mixed.problems).toEqual([expect.stringMatching(/different runtimes \(Nodejs20.19, Nodejs16.13\)/)]);
    expect(runtimeProblems(mixed.functions.slice(0, 1), 'node20.19')).toEqual([]);
    expect(runtimeProblems(mixed.functions.slice(0, 1), 'node16')).toEqual([expect.stringMatching(/builds for node16 but cloudbaserc.json declares Nodejs20.19: set esbuild's target to 'node20.19'/)]);
  });
});

describe('built function folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'yanzhen-deploy-')), 'user');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.js'), 'var x={main:()=>y};module.exports=x;');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }));
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('accepts index.js exporting main with a package.json depending on wx-server-sdk', () => {
    expect(checkFunctionFolder(dir, 'user')).toEqual([]);
  });
  it('refuses a folder without index.js, or whose index.js exports no main', () => {
    writeFileSync(join(dir, 'index.js'), 'module.exports={handler(){}}');
    expect(checkFunctionFolder(dir, 'user')).toEqual([expect.stringMatching(/index.js does not export "main"/)]);
    rmSync(join(dir, 'index.js'));
    expect(checkFunctionFolder(dir, 'user')).toEqual([expect.stringMatching(/build\/cloudfunctions\/user: index.js is missing/)]);
  });
  it('refuses a package.json that is missing, broken, or without wx-server-sdk', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { zod: '4' } }));
    expect(checkFunctionFolder(dir, 'user')).toEqual([expect.stringMatching(/does not depend on wx-server-sdk/)]);
    writeFileSync(join(dir, 'package.json'), '{ "dependencies": ');
    expect(checkFunctionFolder(dir, 'user')).toEqual([expect.stringMatching(/package.json is not valid JSON/)]);
    rmSync(join(dir, 'package.json'));
    expect(checkFunctionFolder(dir, 'user')).toEqual([expect.stringMatching(/package.json is missing/)]);
  });
  it('refuses a missing folder', () => {
    expect(checkFunctionFolder(join(dir, 'nope'), 'nope')).toEqual([expect.stringMatching(/the folder is missing/)]);
  });
});

describe('database declarations (database.json)', () => {
  const index = (name: string, field: string, direction: unknown = 1, unique = false) => ({ name, unique, keys: [{ field, direction }] });
  const collection = (indexes: unknown[], permission = 'ADMINONLY') => ({ collections: [{ name: 'salons', permission, indexes }] });

  it('accepts the repository file, with its 2dsphere index', () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', 'database.json'), 'utf8'));
    const result = checkDatabase(spec);
    expect(result.problems).toEqual([]);
    expect(result.collections.find((c) => c.name === 'salons')?.indexes.find((i) => i.name === 'location_geo')?.keys).toEqual([{ field: 'location', direction: '2dsphere' }]);
    expect(result.collections.every((c) => c.permission === 'ADMINONLY')).toBe(true);
  });
  it.each([
    [collection([index('geo', 'location', '2d')]), /direction "2d" of location must be 1, -1 or "2dsphere"/],
    [collection([index('geo', 'location', '2dsphere', true)]), /a 2dsphere index cannot be unique/],
    [collection([index('id', '_id')]), /_id is indexed by CloudBase already/],
    [collection([index('bad', 'a..b')]), /field "a..b" is not a valid field path/],
    [collection([index('x', 'date'), index('x', 'year')]), /index x is declared twice/],
    [collection([index('x', 'date'), index('y', 'date')]), /indexes x and y have the same keys/],
    [collection([{ name: 'nokeys', keys: [] }]), /"keys" must be a non-empty array/],
    [collection([index('bad name', 'date')]), /index "bad name" needs a name/],
    [collection([], 'PUBLIC'), /permission "PUBLIC" must be one of ADMINONLY/],
    [collection(Array.from({ length: 21 }, (_, i) => index(`i${i}`, `f${i}`))), /21 indexes; CloudBase allows 20 per collection/],
    [{ collections: [{ name: '1bad', permission: 'ADMINONLY' }] }, /collection "1bad" needs a valid name/],
    [{ collection: [] }, /"collections" must be an array/],
  ])('refuses broken declaration %#', (spec, message) => {
    expect(checkDatabase(spec).problems).toEqual([expect.stringMatching(message)]);
  });
});

describe('cloud-call permissions and settings', () => {
  it('finds the open APIs a minified bundle calls', () => {
    const bundle = 'async function a(e){return(await t().security.msgSecCheck({content:e})).x}const b=()=>n.openapi.wxacode.getUnlimited ({scene:1});z.union([])';
    expect(openApiCalls(bundle)).toEqual(['security.msgSecCheck', 'wxacode.getUnlimited']);
  });
  it('keeps online secrets when cloudbaserc.json leaves a variable empty, unless the shell sets YANZHEN_FN_<NAME>', () => {
    const declared = { ADMIN_OPENIDS: '', CODE_HMAC_KEY: '', MODE: 'prod' };
    const online = { ADMIN_OPENIDS: 'o-admin', CODE_HMAC_KEY: 'old-secret', STALE: 'x' };
    expect(resolveEnvVariables(declared, online, { YANZHEN_FN_CODE_HMAC_KEY: 'new-secret' })).toEqual({ ADMIN_OPENIDS: 'o-admin', CODE_HMAC_KEY: 'new-secret', MODE: 'prod' });
  });
  it('parses the command line and refuses unknown options', () => {
    expect(parseArgs(['--dry-run', '--only=database,functions'])).toMatchObject({ dryRun: true, skipBuild: false, only: ['database', 'functions'] });
    expect(() => parseArgs(['--only=storage'])).toThrow(/unknown part\(s\) storage/);
    expect(() => parseArgs(['--force'])).toThrow(/unknown option --force/);
  });
});
