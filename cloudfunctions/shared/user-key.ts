import { createHash } from 'node:crypto';

/** Opaque, stable handle for an OpenID, shown in admin views instead of the OpenID itself. */
export function userKey(openid: string): string {
  return createHash('sha256').update(`yanzhen:user:${openid}`).digest('hex').slice(0, 16);
}
