/** Who may call what. Everyone is a resident; the other roles are granted (design.md, "Who uses it"). */
export const ROLES = ['resident', 'secretary', 'judge', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  secretary: '社区书记',
  judge: '评委',
  admin: '管理员',
};

/** `public` actions need no OpenID (a logged-out share-card view); the rest need a caller. */
export type Access = 'public' | Role | readonly Role[];

export function allows(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public') return true;
  const needed = typeof access === 'string' ? [access] : access;
  return needed.some((r) => roles.includes(r));
}
