/**
 * The environment a cloud-function instance gets, pointing wx-server-sdk at a local cloud's `/admin`
 * (see the wire-protocol notes): the one definition used by the seed script, tests and benchmarks that
 * talk to the database as a function would. The emulator's function runtime sets the same variables.
 */
export function sdkEnvironment(adminUrl: string, envId = 'yanzhen-local'): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    SILENCE: 'true',
  };
}
