import { DIMENSION_KEYS, dimensionName, type DimensionKey } from './contest';
import { CODE_KIND_LABELS, type CodeKind } from './identity';
import { ROLE_LABELS, type Role } from './roles';
import { inChina } from './time';

/**
 * The audit log in people's language (issue 9): what was done, by whom (role + masked name), to what
 * (names and titles, not `secretaries/sec-02`), and what changed (a field-by-field diff). Stored entries
 * keep their raw form; `user.auditList` turns them into `AuditItem`s with these helpers.
 */
export interface AuditChange {
  /** e.g. `角色` or `公开内容 · 事迹`. */
  field: string;
  before: string;
  after: string;
}

export interface AuditItem {
  /** The audited action, e.g. `user.unbind`, for filtering. */
  action: string;
  actionLabel: string;
  actorKey: string;
  /** e.g. `管理员 · 用户 3fa9…c1d2` or `社区书记 · 郑*梅`. */
  actorLabel: string;
  /** The raw target, e.g. `secretaries/sec-02`, for filtering. */
  target: string;
  /** e.g. `书记档案：郑晓梅（朝阳里社区）`. */
  targetLabel: string;
  changes: AuditChange[];
  at: string;
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'user.issueBindingCode': '发放绑定码',
  'user.redeemCode': '使用绑定码/邀请码',
  'user.unbind': '解除绑定',
  'user.inviteAdmin': '邀请管理员',
  'user.revokeAdmin': '移除管理员',
  'user.inviteJudge': '邀请评委',
  'user.removeJudge': '移除评委',
  'showcase.review': '审核风采',
  'contest.reviewRegistration': '审核大比武报名',
  'contest.registrationsExport': '导出大比武报名名单',
  'contest.setupSave': '比武设置',
  'contest.lockRound': '锁定评分轮次',
  'contest.submitScore': '评委打分',
  'contest.declareConflict': '评委申报回避',
  'contest.publish': '公布比武结果',
  'contest.resultsExport': '导出比武结果与评分表',
  'contest.quizSaveQuestion': '保存知识竞赛题目',
  'contest.quizRemoveQuestion': '删除知识竞赛题目',
  'contest.quizImport': '导入知识竞赛题库',
  'archive.addEntry': '新增档案记录',
  'archive.editEntry': '修改档案记录',
  'archive.updateBasics': '修改档案基本信息',
  'archive.decideProposal': '处理书记提交的档案记录',
  'archive.changeRoster': '变更两委名册',
  'archive.exportRoster': '导出街道名册',
  'archive.import': '导入档案与名册',
  'salon.create': '安排沙龙',
  'salon.update': '修改沙龙',
  'salon.skipHost': '跳过轮值街道',
  'salon.setRotation': '调整轮值顺序',
  'salon.checkInCode': '生成沙龙签到码',
  'vote.close': '关闭投票',
  'vote.export': '导出投票记录',
  'talent.addReserve': '新增后备人选',
  'talent.moveStage': '调整后备阶段',
  'talent.saveStudio': '保存书记工作室',
  'talent.addStudioActivity': '记录工作室活动',
  'talent.openBatch': '开启挂职批次',
  'talent.recommend': '街道推荐挂职书记',
  'talent.setWishes': '填写挂职意向',
  'talent.pair': '挂职结对',
  'talent.recordMeeting': '记录挂职会议',
  'talent.closeBatch': '挂职批次总结',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/** `郑晓梅` → `郑*梅`, `李明` → `李*`, `欧阳丽娜` → `欧**娜`: recognisable to colleagues, not a full name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('') || '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** An opaque user key as a short handle an admin can read aloud ("用户 3fa9…c1d2"); it is not an OpenID. */
export const userHandle = (key: string | undefined | null): string => (key ? `用户 ${key.slice(0, 4)}…${key.slice(-4)}` : '用户（无标识）');

const FIELD_LABELS: Record<string, string> = {
  roles: '角色', role: '角色', secretaryId: '书记档案', userKey: '用户', contestId: '比武活动', ticket: '码编号', kind: '类型',
  expiresAt: '有效期至', decision: '审核结果', reviewStatus: '审核状态', published: '公开内容', draft: '草稿', rejectReason: '退回原因',
  status: '状态', story: '事迹', achievements: '成绩', tags: '标签', photoFileId: '头像照片', imageFileIds: '活动照片',
};

const VALUE_WORDS: Record<string, string> = {
  approve: '通过', reject: '退回', pending: '审核中', rejected: '已退回', none: '无待审', approved: '已通过', withdrawn: '已撤回',
  secretary: '社区书记', admin: '管理员', judge: '评委', resident: '居民',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 80;

/** Names the audit view can put in place of ids (secretary and contest ids → names and titles). */
export interface AuditNames {
  secretaries: Record<string, string>;
  contests: Record<string, string>;
}

/** One value in words; long text is cut so that an entry stays readable on a phone. */
export function describeAuditValue(value: unknown, key: string, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return '（无）';
  if (value instanceof Date) return inChina(value).format('YYYY-MM-DD HH:mm');
  if (Array.isArray(value)) {
    // Array.isArray types the elements `any`; they are as unknown as the value itself.
    const items: unknown[] = value;
    if (items.length === 0) return '（无）';
    if (key === 'roles') return items.map((r) => ROLE_LABELS[r as Role] ?? describeAuditValue(r, '', names)).join('、');
    if (key === 'tags') return items.map((t) => (DIMENSION_KEYS.includes(t as DimensionKey) ? dimensionName(t as DimensionKey) : describeAuditValue(t, '', names))).join('、');
    if (key === 'imageFileIds') return `${items.length} 张`;
    return items.map((v) => describeAuditValue(v, '', names)).join('；');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${describeAuditValue(v, k, names)}`).join('，');
  }
  // Only scalars are left: null, dates, arrays and objects were answered above.
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  if (key === 'secretaryId') return names.secretaries[text] ?? text;
  if (key === 'contestId') return names.contests[text] ?? text;
  if (key === 'userKey') return userHandle(text);
  if (key === 'photoFileId') return '已上传';
  if (key === 'kind' && text in CODE_KIND_LABELS) return CODE_KIND_LABELS[text as CodeKind];
  if (ISO_TIME.test(text)) return inChina(text).format('YYYY-MM-DD HH:mm');
  if (VALUE_WORDS[text]) return VALUE_WORDS[text];
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Leaf values by path (`published.story`); arrays and dates are leaves. */
function leaves(value: unknown, prefix: string[], out: Map<string, { path: string[]; value: unknown }>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...prefix, k], out);
  } else if (prefix.length > 0) {
    out.set(prefix.join('.'), { path: prefix, value });
  } else if (value !== null && value !== undefined) {
    out.set('', { path: [], value });
  }
}

/** What changed between `before` and `after`, one line per changed field, in the order the fields appear. */
export function diffAudit(before: unknown, after: unknown, names: AuditNames): AuditChange[] {
  const a = new Map<string, { path: string[]; value: unknown }>();
  const b = new Map<string, { path: string[]; value: unknown }>();
  leaves(before, [], a);
  leaves(after, [], b);
  const changes: AuditChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const path = (a.get(key) ?? b.get(key))?.path ?? [];
    const last = path[path.length - 1] ?? '';
    const was = describeAuditValue(a.get(key)?.value, last, names);
    const now = describeAuditValue(b.get(key)?.value, last, names);
    if (was === now) continue;
    changes.push({ field: path.map((p) => FIELD_LABELS[p] ?? p).join(' · ') || '内容', before: was, after: now });
  }
  return changes;
}
