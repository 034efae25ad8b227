import type { Role } from '@yanzhen/domain';
import { cloud, readDoc } from './cloud';

/** Who is calling, as far as the platform says (never the event). */
export interface Caller {
  openid: string | undefined;
  /** Loaded on demand: a resident-level action (most of them, e.g. a vote) costs no role read. */
  profile(): Promise<CallerProfile>;
}

export interface CallerProfile {
  openid: string;
  roles: Role[];
  secretaryId?: string;
  street?: string;
}

/** Stored per OpenID in `users` (doc _id = OpenID): roles granted by admins and the secretary binding. */
export interface UserDoc {
  _id: string;
  roles?: Role[];
  secretaryId?: string;
  street?: string;
  updatedAt?: Date;
}

/** Bootstrap admins come from configuration (ADMIN_OPENIDS, comma separated), see README. */
export function configuredAdmins(): string[] {
  return (process.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function loadProfile(openid: string): Promise<CallerProfile> {
  const doc = (await readDoc<UserDoc>('users', openid)) ?? { _id: openid };
  const roles = new Set<Role>(['resident', ...(doc.roles ?? [])]);
  if (configuredAdmins().includes(openid)) roles.add('admin');
  if (doc.secretaryId) roles.add('secretary');
  const profile: CallerProfile = { openid, roles: [...roles] };
  if (doc.secretaryId) profile.secretaryId = doc.secretaryId;
  if (doc.street) profile.street = doc.street;
  return profile;
}

export function currentCaller(): Caller {
  const { OPENID } = cloud.getWXContext();
  const openid = typeof OPENID === 'string' && OPENID ? OPENID : undefined;
  let cached: Promise<CallerProfile> | undefined;
  return {
    openid,
    profile() {
      if (!openid) return Promise.reject(new Error('no caller'));
      cached ??= loadProfile(openid);
      return cached;
    },
  };
}
