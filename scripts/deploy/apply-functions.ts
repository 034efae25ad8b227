import type CloudBase from '@cloudbase/manager-node';
import type { PlannedFunction } from './plan';
import { functionVariable, type DeploySettings } from './settings';

type Manager = InstanceType<typeof CloudBase>;
type CI = typeof import('miniprogram-ci');
type CIProject = InstanceType<CI['Project']>;

/**
 * Cloud functions and the mini-program, with the official tools:
 * - a function that does not exist yet is created by @cloudbase/manager-node with the declared runtime (the
 *   runtime can only be chosen at creation; miniprogram-ci would create it with an old default runtime);
 * - code goes up with miniprogram-ci `cloud.uploadFunction` (remote npm install: the cloud installs wx-server-sdk);
 * - timeout, memory and environment variables with manager-node `updateFunctionConfig`, the timer trigger with
 *   `createFunctionTriggers`; then a version is published, so a bad release can be told apart and rolled back;
 * - the mini-program with miniprogram-ci `upload` (it becomes the 开发版 of the robot; submit it for review in the console).
 */

/**
 * The values sent for a function's environment: CloudBase replaces the whole online set, so a variable left empty
 * in cloudbaserc.json (secrets are never committed) takes `YANZHEN_FN_<NAME>` from the deploying shell, else keeps
 * its current online value.
 */
export function resolveEnvVariables(declared: Record<string, string>, online: Record<string, string>, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(declared)) out[key] = value || env[functionVariable(key)] || online[key] || '';
  return out;
}

async function onlineDetail(app: Manager, name: string) {
  try {
    return await app.functions.getFunctionDetail(name);
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('ResourceNotFound')) return null;
    throw err;
  }
}

export async function applyFunctions(app: Manager, ci: CI, project: CIProject, settings: DeploySettings, functionRoot: string, functions: PlannedFunction[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const fn of functions) {
    const detail = await onlineDetail(app, fn.name);
    const online = Object.fromEntries((detail?.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
    const envVariables = resolveEnvVariables(fn.envVariables, online, process.env);
    for (const [key, value] of Object.entries(envVariables)) if (!value) warnings.push(`${fn.name}: environment variable ${key} is empty (set ${functionVariable(key)})`);
    const config = { name: fn.name, timeout: fn.timeout, memorySize: fn.memorySize, envVariables, installDependency: true };
    if (!detail) {
      await app.functions.createFunction({
        func: { ...config, runtime: fn.runtime, handler: 'index.main', triggers: fn.triggers, ignore: ['node_modules'] },
        functionRootPath: functionRoot,
        force: false,
      });
      console.log(`  ${fn.name}: created (${fn.runtime})`);
    } else {
      if (detail.Runtime !== fn.runtime) {
        throw new Error(`${fn.name} runs on ${detail.Runtime} online but cloudbaserc.json declares ${fn.runtime}; CloudBase fixes the runtime at creation: delete the function in the console (云函数 → 删除) and deploy again`);
      }
      const upload = await ci.cloud.uploadFunction({ project, env: settings.envId, name: fn.name, path: fn.dir, remoteNpmInstall: true });
      await app.functions.updateFunctionConfig(config);
      await app.functions.waitFunctionActive(fn.name);
      const stale = (detail.Triggers ?? []).filter((t) => !fn.triggers.some((d) => d.name === (t.TriggerName || t.Name)));
      for (const t of stale) await app.functions.deleteFunctionTrigger(fn.name, t.TriggerName || t.Name);
      if (fn.triggers.length > 0) await app.functions.createFunctionTriggers(fn.name, fn.triggers);
      console.log(`  ${fn.name}: code uploaded (${upload.filesCount} files, ${upload.packSize} bytes), config and ${fn.triggers.length} trigger(s) applied`);
    }
    const version = await app.functions.publishVersion({ functionName: fn.name, description: `${settings.version} ${settings.desc}` });
    console.log(`  ${fn.name}: published version ${version.FunctionVersion}`);
  }
  return warnings;
}

export async function uploadMiniProgram(ci: CI, project: CIProject, settings: DeploySettings): Promise<void> {
  const result = await ci.upload({
    project,
    version: settings.version,
    desc: settings.desc,
    robot: settings.robot,
    // Taro already compiled, minified and prefixed the code: the uploader must not transform it again.
    setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
    onProgressUpdate: () => undefined,
  });
  const packages = (result.subPackageInfo ?? []).map((p) => `${p.name} ${(p.size / 1024).toFixed(1)} KiB`).join(', ');
  console.log(`  mini-program ${settings.version} uploaded as 开发版 of robot ${settings.robot}${packages ? `: ${packages}` : ''}`);
}
