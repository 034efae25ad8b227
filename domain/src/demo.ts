import type { Role } from './roles';

/**
 * Demo identities of the local preview. There is no WeChat login on a laptop, so the H5 preview's identity
 * switcher logs in as one of these OpenIDs through the emulator's `/api/dev/login`. The seed gives each its
 * role (the admin comes from `ADMIN_OPENIDS` in emulator/local.env.json, as in production from config).
 */
export interface DemoIdentity {
  openid: string;
  role: Role;
  /** What the switcher shows. Invented people. */
  label: string;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { openid: 'demo-resident', role: 'resident', label: '居民 · 刘阿姨' },
  { openid: 'demo-secretary', role: 'secretary', label: '社区书记 · 郑书记' },
  { openid: 'demo-judge', role: 'judge', label: '评委 · 秦老师' },
  { openid: 'demo-admin', role: 'admin', label: '管理员 · 区委组织部' },
];
