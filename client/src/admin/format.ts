import dayjs from 'dayjs';
import type { Role } from '@yanzhen/domain';
import { ROLE_LABELS, dimensionName, type DimensionKey } from '@yanzhen/domain';

/** `2025-11-25 14:03`; empty for a missing time. */
export const formatTime = (value: string | Date | null | undefined): string => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** An opaque user key as a short handle an admin can read aloud ("用户 3fa9…c1d2"); it is not an OpenID. */
export const userHandle = (key: string | undefined): string => (key ? `用户 ${key.slice(0, 4)}…${key.slice(-4)}` : '用户（无标识）');

/** The audited operations admins filter by, with the words they would use. */
export const AUDIT_OPERATIONS: { key: string; label: string }[] = [
  { key: 'user.issueBindingCode', label: '发放绑定码' },
  { key: 'user.redeemCode', label: '使用绑定码/邀请码' },
  { key: 'user.unbind', label: '解除绑定' },
  { key: 'user.inviteAdmin', label: '邀请管理员' },
  { key: 'user.revokeAdmin', label: '移除管理员' },
  { key: 'user.inviteJudge', label: '邀请评委' },
  { key: 'user.removeJudge', label: '移除评委' },
  { key: 'showcase.review', label: '审核风采' },
];

export const operationLabel = (key: string): string => AUDIT_OPERATIONS.find((o) => o.key === key)?.label ?? key;

const FIELD_LABELS: Record<string, string> = {
  roles: '角色',
  role: '角色',
  secretaryId: '书记档案',
  userKey: '用户',
  contestId: '比武活动',
  ticket: '码编号',
  kind: '类型',
  expiresAt: '有效期至',
  decision: '审核结果',
  reviewStatus: '审核状态',
  published: '公开内容',
  draft: '草稿',
  rejectReason: '退回原因',
  story: '事迹',
  achievements: '成绩',
  tags: '标签',
};

const VALUE_WORDS: Record<string, string> = {
  approve: '通过',
  reject: '退回',
  pending: '审核中',
  rejected: '已退回',
  none: '无待审',
  secretary: '社区书记',
  admin: '管理员',
  judge: '评委',
  resident: '居民',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value of an audit entry in words; long text is cut so one entry stays on one screen. */
export function describeValue(value: unknown, key = ''): string {
  if (value === null || value === undefined) return '（无）';
  if (Array.isArray(value)) {
    if (key === 'roles') return value.map((r) => ROLE_LABELS[r as Role] ?? String(r)).join('、') || '（无）';
    if (key === 'tags') return value.map((t) => dimensionName(t as DimensionKey)).join('、') || '（无）';
    return value.map((v) => describeValue(v)).join('；') || '（无）';
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('story' in o) return `事迹：${describeValue(o.story)}`;
    return Object.entries(o)
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${describeValue(v, k)}`)
      .join('，');
  }
  const text = String(value);
  if (ISO_TIME.test(text)) return formatTime(text);
  if (VALUE_WORDS[text]) return VALUE_WORDS[text];
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The before/after of an entry as labelled lines: `[['角色', '居民、管理员'], …]`, or one line for a plain value. */
export function describeChange(value: unknown): [string, string][] {
  if (value === null || value === undefined) return [['', '（无）']];
  if (typeof value !== 'object' || Array.isArray(value)) return [['', describeValue(value)]];
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => [FIELD_LABELS[k] ?? k, describeValue(v, k)]);
}
