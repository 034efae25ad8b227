import type { Envelope, Role } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** What the `user` function's `whoami` action answers about the caller. */
export interface WhoAmI {
  openid: string;
  roles: Role[];
  secretaryId?: string;
  street?: string;
}

export const whoami = (): Promise<Envelope<WhoAmI>> => callFunction<WhoAmI>('user', { action: 'whoami' });
