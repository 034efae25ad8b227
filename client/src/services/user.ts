import { ROLE_LABELS, type Envelope, type Role } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** What the `user` function's `whoami` action answers about the caller. */
export interface WhoAmI {
  openid: string;
  roles: Role[];
  secretaryId?: string;
  street?: string;
}

export const whoami = (): Promise<Envelope<WhoAmI>> => callFunction<WhoAmI>('user', { action: 'whoami' });

/** The most specific role names the person (everyone is also a resident). */
const HEADLINE_ORDER: readonly Role[] = ['admin', 'judge', 'secretary', 'resident'];

export function headlineRole(roles: readonly Role[]): string {
  return ROLE_LABELS[HEADLINE_ORDER.find((r) => roles.includes(r)) ?? 'resident'];
}
