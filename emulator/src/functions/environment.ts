import type { CallerIdentity } from '../types';

/**
 * The environment a CloudBase function instance runs with, as wx-server-sdk reads it (see the
 * wire-protocol notes): it points the SDK at this server's `/admin`, silences the cloud-only
 * lookups, and carries the caller's identity for `cloud.getWXContext()`.
 */
export interface InstanceEnvOptions {
  envId: string;
  adminUrl: string;
  functionName: string;
  region: string;
  envVariables: Record<string, string>;
  timeoutMs: number;
}

/** Variables of the host that a function may reasonably expect (a real instance has its own PATH, HOME…). */
const HOST_VARIABLES = ['PATH', 'HOME', 'LANG', 'NODE_ENV'];

export const WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6';
/** The SDK reads TCB_ENV, TCB_SOURCE and TCB_SESSIONTOKEN only through this list, as on SCF. */
export const TCB_CONTEXT_KEYS = 'TCB_ENV,TCB_SEQID,TCB_SOURCE,TCB_SESSIONTOKEN';
/**
 * Prefix of the per-invocation `TCB_SESSIONTOKEN`. The SDK sends it as `tcb_sessionToken` in every
 * `/admin` request, which tells the emulator which invocation (and so which user) made the call.
 */
export const SESSION_TOKEN_PREFIX = 'yanzhen-local-invocation.';

export function instanceEnv(opts: InstanceEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of HOST_VARIABLES) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TCB_ENV: opts.envId,
    SCF_NAMESPACE: opts.envId,
    SCF_FUNCTIONNAME: opts.functionName,
    SCF_FUNCTIONVERSION: '$LATEST',
    SCF_MEMORYSIZE: '256',
    SCF_TIMEOUT: String(Math.ceil(opts.timeoutMs / 1000)),
    TENCENTCLOUD_REGION: opts.region,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: opts.adminUrl }),
    TCB_CONTEXT_KEYS,
    // Placeholders: the SDK refuses to send a request without a key pair; the emulator ignores the signature.
    TENCENTCLOUD_SECRETID: 'yanzhen-local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'yanzhen-local-secret-key',
    SILENCE: 'true',
    WX_CONTEXT_KEYS,
  });
  return { ...env, ...opts.envVariables };
}

/**
 * The variables that change with every invocation (who calls, which request). Everything else in the
 * instance's environment is fixed for its life, so an invocation sends only these: the worker sets the
 * ones present and deletes the others of this list, leaving the rest of `process.env` as it is (on
 * CloudBase too, a warm instance keeps what its code put in `process.env`).
 */
export const INVOCATION_KEYS = ['TCB_SESSIONTOKEN', 'TCB_SEQID', 'TCB_SOURCE', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6'] as const;
export type InvocationVariables = Partial<Record<(typeof INVOCATION_KEYS)[number], string>>;

export function invocationVariables(caller: CallerIdentity, sessionToken: string, seqId: string): InvocationVariables {
  const env: InvocationVariables = { TCB_SESSIONTOKEN: sessionToken, TCB_SEQID: seqId, TCB_SOURCE: caller.source };
  // getWXContext reports a variable only when it is set: a caller without an OpenID has no OPENID key.
  if (caller.openId) env.WX_OPENID = caller.openId;
  if (caller.appId) env.WX_APPID = caller.appId;
  if (caller.unionId) env.WX_UNIONID = caller.unionId;
  env.WX_CLIENTIP = caller.clientIp ?? '127.0.0.1';
  env.WX_CLIENTIPV6 = '::ffff:127.0.0.1';
  return env;
}
