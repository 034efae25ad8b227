import { z } from 'zod';

/** One-time codes: `K7QM-604831`: a public ticket naming the code, then a secret the holder must know. */
export const CODE_TICKET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-\d{6}$/;
export const CODE_MAX_ATTEMPTS = 10;
export const CODE_TTL_HOURS = 72;
/** Wrong codes one OpenID may enter per day across all tickets, so tickets cannot be sprayed. */
export const CODE_FAILURES_PER_DAY = 20;

export type CodeKind = 'secretary' | 'admin' | 'judge';
export const CODE_KIND_LABELS: Record<CodeKind, string> = { secretary: '书记绑定码', admin: '管理员邀请码', judge: '评委邀请码' };

export const codeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(CODE_PATTERN, '请输入形如 ABCD-123456 的绑定码'));

/** Opaque handle of a user in admin views: admins manage people without seeing their OpenIDs. */
export const userKeySchema = z.string().regex(/^[0-9a-f]{16}$/, '用户标识格式不正确');

export interface WhoAmI {
  openid: string;
  roles: ('resident' | 'secretary' | 'judge' | 'admin')[];
  secretaryId?: string;
  street?: string;
  /** Name and community of the bound archive record, for "我的". */
  secretary?: { name: string; community: string };
}
