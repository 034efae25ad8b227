import { execFileSync } from 'node:child_process';

/**
 * Deployment settings, all from environment variables (documented in README → Deploy). Credentials are read
 * only here and only for a real deploy; a dry run needs none of them.
 */
export interface DeploySettings {
  /** The mini-program's AppID (mp console → 开发管理 → 开发设置). */
  appid: string;
  /** The miniprogram-ci upload key downloaded from the same page (its IP whitelist must include this machine). */
  privateKeyPath: string;
  /** The cloud environment ID (云开发控制台 → 环境 ID); the same ID the client passes to wx.cloud.init. */
  envId: string;
  /** A Tencent Cloud API key of the account that owns the environment (CAM → API 密钥), for @cloudbase/manager-node. */
  secretId: string;
  secretKey: string;
  /** A temporary-credential token, when the key is a temporary one. */
  token?: string;
  /** Version and description shown in the mp console's 版本管理. */
  version: string;
  desc: string;
  /** miniprogram-ci robot 1-30: each robot keeps its own 开发版. */
  robot: number;
}

export const REQUIRED_VARIABLES = {
  appid: 'YANZHEN_APPID',
  privateKeyPath: 'YANZHEN_PRIVATE_KEY_PATH',
  envId: 'YANZHEN_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
} as const;

/** Values for a function's declared `envVariables` left empty in cloudbaserc.json: `YANZHEN_FN_<NAME>`. */
export const functionVariable = (key: string) => `YANZHEN_FN_${key}`;

function gitRevision(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** A default version that sorts by time: 1.YYYYMMDD.HHmm (UTC). */
function defaultVersion(now: Date): string {
  const iso = now.toISOString();
  return `1.${iso.slice(0, 10).replace(/-/g, '')}.${Number(iso.slice(11, 13) + iso.slice(14, 16))}`;
}

/** The names of the required variables that are not set. */
export function missingVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.values(REQUIRED_VARIABLES).filter((name) => !env[name]?.trim());
}

export function readSettings(root: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): DeploySettings {
  const missing = missingVariables(env);
  if (missing.length > 0) {
    throw new Error(`cannot deploy: set ${missing.join(', ')} (see README → Deploy), or run "npm run deploy -- --dry-run" to check without credentials`);
  }
  const robot = Number(env.YANZHEN_ROBOT ?? 1);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new Error(`YANZHEN_ROBOT must be 1-30, not ${env.YANZHEN_ROBOT}`);
  return {
    appid: env[REQUIRED_VARIABLES.appid] as string,
    privateKeyPath: env[REQUIRED_VARIABLES.privateKeyPath] as string,
    envId: env[REQUIRED_VARIABLES.envId] as string,
    secretId: env[REQUIRED_VARIABLES.secretId] as string,
    secretKey: env[REQUIRED_VARIABLES.secretKey] as string,
    token: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
    version: env.YANZHEN_VERSION || defaultVersion(now),
    desc: env.YANZHEN_DESC || `npm run deploy @ ${gitRevision(root)}`,
    robot,
  };
}
