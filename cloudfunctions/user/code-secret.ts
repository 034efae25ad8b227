import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@yanzhen/domain';

/**
 * Codes are stored as HMAC-SHA256(key, ticket:secret), the key coming from the function's environment
 * (`CODE_HMAC_KEY`: cloudbaserc.json envVariables in production, emulator/local.env.json locally). An
 * unkeyed hash of ticket + 6 digits would be reversed in 10⁶ tries by anyone who can read the database.
 * A missing or short key refuses to issue or redeem codes, loudly: it never falls back to a default.
 */
const MIN_KEY_LENGTH = 32;

export function codeKey(): string {
  const key = process.env.CODE_HMAC_KEY ?? '';
  if (key.length < MIN_KEY_LENGTH) {
    console.error(`[user] CODE_HMAC_KEY is ${key ? 'too short' : 'not set'}: set a random secret of at least ${MIN_KEY_LENGTH} characters in the user function's envVariables (cloudbaserc.json); binding and invitation codes are refused until then`);
    throw new AppError('internal', '绑定码服务尚未配置完成，请联系系统管理员');
  }
  return key;
}

export function hashSecret(key: string, ticket: string, secret: string): string {
  return createHmac('sha256', key).update(`${ticket}:${secret}`).digest('hex');
}

export function secretMatches(key: string, ticket: string, secret: string, stored: string): boolean {
  const actual = Buffer.from(hashSecret(key, ticket, secret));
  const expected = Buffer.from(stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
