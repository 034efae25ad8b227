/**
 * `npm run deploy`: builds the cloud functions and the mini-program, checks everything that would be sent against
 * the platform's rules, prints the plan, then applies it to the WeChat cloud environment with the official tools
 * (database with @cloudbase/manager-node, functions with miniprogram-ci + manager-node, mini-program upload with
 * miniprogram-ci).
 *
 *   npm run deploy -- --dry-run               build, check and print the plan; no credentials, nothing sent
 *   npm run deploy -- --skip-build            use the builds on disk as they are
 *   npm run deploy -- --only=functions        one part: database, functions, miniprogram (comma-separated)
 *
 * Settings: environment variables, see settings.ts and README → Deploy.
 */
import { join } from 'node:path';
import { preparePlan, formatPlan } from './plan';
import { missingVariables, readSettings } from './settings';

const PARTS = ['database', 'functions', 'miniprogram'] as const;
type Part = (typeof PARTS)[number];

export interface DeployOptions {
  dryRun: boolean;
  skipBuild: boolean;
  only: Part[];
  /** The project to deploy (default: this repository); tests point it at a copy with a broken declaration. */
  root: string;
}

export function parseArgs(argv: string[]): DeployOptions {
  const options: DeployOptions = { dryRun: false, skipBuild: false, only: [...PARTS], root: join(__dirname, '..', '..') };
  for (const arg of argv) {
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--skip-build') options.skipBuild = true;
    else if (arg.startsWith('--root=')) options.root = arg.slice('--root='.length);
    else if (arg.startsWith('--only=')) {
      const parts = arg.slice('--only='.length).split(',');
      const unknown = parts.filter((p) => !PARTS.includes(p as Part));
      if (unknown.length > 0) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
      options.only = parts as Part[];
    } else throw new Error(`unknown option ${arg} (use --dry-run, --skip-build, --only=${PARTS.join(',')})`);
  }
  // The build steps build this repository: another root can only be checked with the builds it has.
  if (options.root !== join(__dirname, '..', '..') && !options.skipBuild) throw new Error('--root needs --skip-build');
  return options;
}

async function deploy(options: DeployOptions): Promise<number> {
  const { root } = options;
  if (!options.skipBuild) {
    // A release is a production build, whatever the calling shell (jest, for one, sets NODE_ENV=test).
    process.env.NODE_ENV = 'production';
    const { buildAll } = await import('../build-steps');
    buildAll({ h5: false, weapp: true });
  }
  const plan = preparePlan(root);
  console.log(`\nDeploy plan${options.dryRun ? ' (dry run: nothing is sent)' : ''}, parts: ${options.only.join(', ')}\n${formatPlan(plan)}`);
  if (plan.problems.length > 0) {
    console.error(`\nDeploy refused, ${plan.problems.length} problem(s):\n${plan.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  if (options.dryRun) {
    const missing = missingVariables();
    console.log(`\nDry run passed: everything above is valid.${missing.length ? ` A real deploy also needs ${missing.join(', ')}.` : ' Credentials are set for a real deploy.'}`);
    return 0;
  }
  const settings = readSettings(root);
  console.log(`\nDeploying version ${settings.version} to cloud environment ${settings.envId} (AppID ${settings.appid})`);
  // Loaded only here: miniprogram-ci alone takes seconds to load and nothing else in the project needs it.
  const [{ default: CloudBase }, ci, { applyDatabase }, { applyFunctions, uploadMiniProgram }] = await Promise.all([
    import('@cloudbase/manager-node'),
    import('miniprogram-ci'),
    import('./apply-database'),
    import('./apply-functions'),
  ]);
  const app = new CloudBase({ secretId: settings.secretId, secretKey: settings.secretKey, token: settings.token, envId: settings.envId });
  const project = new ci.Project({
    appid: settings.appid,
    type: 'miniProgram',
    projectPath: join(root, 'build', 'weapp'),
    privateKeyPath: settings.privateKeyPath,
    ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
  });
  const warnings: string[] = [];
  // Order matters: the schema first, then functions that use it, then the client that calls them.
  if (options.only.includes('database')) {
    console.log('Database:');
    warnings.push(...(await applyDatabase(app, settings.envId, plan.collections)));
  }
  if (options.only.includes('functions')) {
    console.log('Cloud functions:');
    warnings.push(...(await applyFunctions(app, ci, project, settings, join(root, 'build', 'cloudfunctions'), plan.functions)));
  }
  if (options.only.includes('miniprogram')) {
    console.log('Mini-program:');
    await uploadMiniProgram(ci, project, settings);
  }
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`\nDeployed ${settings.version}. Next: mp console → 版本管理 → 开发版 → 提交审核.`);
  return 0;
}

if (require.main === module) {
  let options: DeployOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  deploy(options).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`\nDeploy failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
