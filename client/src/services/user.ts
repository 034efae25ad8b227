import { ROLE_LABELS, type CodeKind, type Envelope, type Role, type WhoAmI } from '@yanzhen/domain';
import { callFunction } from './cloud';
import { rememberRoles } from './h5-session';

export type { WhoAmI };

/** Who the caller is. In the H5 preview the answer also updates the identity switcher's role. */
export async function whoami(): Promise<Envelope<WhoAmI>> {
  const res = await callFunction<WhoAmI>('user', { action: 'whoami' });
  if (process.env.TARO_ENV === 'h5' && res.ok) rememberRoles(res.data.openid, res.data.roles);
  return res;
}

/** What `user.redeemCode` answers: which kind of code it was and what it granted. */
export interface Redeemed {
  kind: CodeKind;
  secretaryId?: string;
  secretary?: { name: string; community: string };
  contestId?: string;
}

/** Redeems a secretary binding code or an admin/judge invitation (one page serves all three). */
export const redeemCode = (code: string): Promise<Envelope<Redeemed>> =>
  callFunction<Redeemed>('user', { action: 'redeemCode', code: normaliseCode(code) });

/** The most specific role names the person (everyone is also a resident). */
const HEADLINE_ORDER: readonly Role[] = ['admin', 'judge', 'secretary', 'resident'];

export function headlineRole(roles: readonly Role[]): string {
  return ROLE_LABELS[HEADLINE_ORDER.find((r) => roles.includes(r)) ?? 'resident'];
}

/**
 * An OpenID is an identifier, not a name: the person sees only enough of it to tell support which account
 * they use (first 4 + … + last 4), never the whole value over someone's shoulder.
 */
export function maskOpenid(openid: string): string {
  if (openid.length <= 8) return `${openid.slice(0, 2)}…${openid.slice(-2)}`;
  return `${openid.slice(0, 4)}…${openid.slice(-4)}`;
}

/**
 * Normalises what a person types into the `ABCD-123456` form: upper case, no spaces, and the dash added when
 * they typed the ten characters without it.
 */
export function normaliseCode(raw: string): string {
  const compact = raw.replace(/[\s\u3000]/g, '').replace(/[—–－]/g, '-').toUpperCase();
  if (/^[A-Z0-9]{10}$/.test(compact)) return `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return compact;
}
