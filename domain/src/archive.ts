import { z } from 'zod';
import { STREETS, type Street } from './streets';

/**
 * The archive (一人一档、一街一册): one person file per secretary or "两委" member, one roster per street.
 * Private fields never leave admin views: lists mask them, only an admin's single-file view shows them, and
 * no other caller's answer carries them at all (the privacy test walks every non-admin action for them).
 */
export const PRIVATE_FIELDS = ['phone', 'idNumber', 'address'] as const;
export type PrivateField = (typeof PRIVATE_FIELDS)[number];
export const PRIVATE_FIELD_LABELS: Record<PrivateField, string> = { phone: '手机号', idNumber: '身份证号', address: '家庭住址' };

/** `138****1000`, `370103********123X`, `济南市市中区****`: enough to tell records apart, not to use them. */
export function maskPrivate(field: PrivateField, value: string | undefined | null): string {
  if (!value) return '';
  if (field === 'phone') return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
  if (field === 'idNumber') return value.length >= 10 ? `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}` : '****';
  return `${[...value].slice(0, 6).join('')}****`;
}

/** A copy of `doc` with every private field masked (lists, previews). */
export function maskPrivateFields<T extends Partial<Record<PrivateField, string>>>(doc: T): T {
  const out = { ...doc };
  for (const f of PRIVATE_FIELDS) if (typeof out[f] === 'string') (out as Record<string, string>)[f] = maskPrivate(f, out[f]);
  return out;
}

/** A copy of `doc` without any private field (what non-admins may see of a file, even their own). */
export function withoutPrivateFields<T extends object>(doc: T): Omit<T, PrivateField> {
  const out = { ...doc } as Record<string, unknown>;
  for (const f of PRIVATE_FIELDS) delete out[f];
  return out as Omit<T, PrivateField>;
}

export const ENTRY_KINDS = ['education', 'training', 'practice', 'work', 'assessment', 'reward', 'penalty'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  education: '学历教育',
  training: '教育培训',
  practice: '实践锻炼',
  work: '完成工作',
  assessment: '考核情况',
  reward: '奖励',
  penalty: '惩处',
};

export const GENDERS = ['男', '女'] as const;
export const EDUCATION_LEVELS = ['初中', '高中', '中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;
/** The posts of a community's "两委" (党组织委员会 and 居民委员会). */
export const ROSTER_POSTS = ['党组织书记', '党组织副书记', '党组织委员', '居委会主任', '居委会副主任', '居委会委员'] as const;
export type RosterPost = (typeof ROSTER_POSTS)[number];

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const isoDaySchema = z.string().regex(ISO_DAY, '日期格式应为 YYYY-MM-DD');
export const streetSchema = z.enum(STREETS, { message: '街道须为市中区的 17 个街道之一' });
/** File ids: a secretary's file uses her record's id (`sec-01`); imported people any id of this form. */
export const fileIdSchema = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '档案编号只能由字母、数字、- 和 _ 组成');
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

/** What an admin (or, as a proposal, the secretary herself) records in a file: a dated entry with its source. */
export const entryInputSchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  date: isoDaySchema,
  title: text(60, '标题'),
  detail: z.string().trim().max(500, '说明不超过 500 字').default(''),
  source: text(40, '来源'),
});
export type EntryInput = z.infer<typeof entryInputSchema>;

export interface ArchiveEntry extends EntryInput {
  id: string;
  recordedAt: Date;
  /** `admin`: entered by the office; `proposal`: proposed by the secretary, confirmed by an admin. */
  origin: 'admin' | 'proposal' | 'import';
}

export const phoneSchema = z.string().trim().regex(/^1\d{10}$/, '手机号应为 11 位数字');
export const idNumberSchema = z.string().trim().toUpperCase().pipe(z.string().regex(/^\d{17}[\dX]$/, '身份证号应为 18 位'));

/** Basic information of a file: public-ish fields, then the private ones. */
export const basicsSchema = z.strictObject({
  name: text(20, '姓名'),
  gender: z.enum(GENDERS, { message: '性别须为 男 或 女' }),
  birth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '出生年月格式应为 YYYY-MM').or(z.literal('')).default(''),
  street: streetSchema,
  community: text(30, '社区'),
  post: text(30, '职务'),
  education: z.enum(EDUCATION_LEVELS, { message: '学历须为 初中、高中、中专、大专、本科、硕士研究生、博士研究生 之一' }).or(z.literal('')).default(''),
  phone: phoneSchema.or(z.literal('')).default(''),
  idNumber: idNumberSchema.or(z.literal('')).default(''),
  address: z.string().trim().max(80, '家庭住址不超过 80 字').default(''),
});
export type FileBasics = z.infer<typeof basicsSchema>;

/** `personFiles/<fileId>`. `secretaryId` links the file to a `secretaries` record (same id for the 17). */
export interface PersonFileDoc extends FileBasics {
  _id: string;
  secretaryId: string | null;
  entries: ArchiveEntry[];
  importJobId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A secretary's proposed entry (`archiveProposals`), waiting for an admin. */
export interface ProposalDoc {
  _id: string;
  fileId: string;
  secretaryId: string;
  name: string;
  entry: EntryInput;
  status: 'pending' | 'confirmed' | 'rejected';
  reason: string;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface RosterMember {
  id: string;
  community: string;
  name: string;
  post: RosterPost;
  /** Day the person took the post. */
  since: string;
  fileId: string | null;
}

export interface RosterChange {
  id: string;
  date: string;
  community: string;
  name: string;
  post: RosterPost;
  change: 'join' | 'leave';
  reason: string;
  recordedAt: Date;
}

/** `rosters/<rosterId(street)>`: one street's communities, their current "两委" members and every change. */
export interface RosterDoc {
  _id: string;
  street: Street;
  communities: string[];
  members: RosterMember[];
  history: RosterChange[];
  /** Import jobs already applied here: a retried commit does not add the same rows twice. */
  importJobs: string[];
  updatedAt: Date;
}

/** Roster document ids are ASCII (`roster-01` … `roster-17`, in STREETS order). */
export const rosterId = (street: Street): string => `roster-${String(STREETS.indexOf(street) + 1).padStart(2, '0')}`;

export const rosterChangeSchema = z.strictObject({
  street: streetSchema,
  community: text(30, '社区'),
  name: text(20, '姓名'),
  post: z.enum(ROSTER_POSTS),
  change: z.enum(['join', 'leave']),
  date: isoDaySchema,
  reason: text(100, '原因'),
  fileId: fileIdSchema.optional(),
});
export type RosterChangeInput = z.infer<typeof rosterChangeSchema>;

/** The roster as the admin page shows it: members grouped by community, history newest first. */
export interface RosterView {
  street: Street;
  communities: { name: string; members: RosterMember[] }[];
  history: RosterChange[];
}

export function rosterView(doc: Pick<RosterDoc, 'street' | 'communities' | 'members' | 'history'>): RosterView {
  const names = [...new Set([...doc.communities, ...doc.members.map((m) => m.community)])];
  const order = (p: RosterPost) => ROSTER_POSTS.indexOf(p);
  return {
    street: doc.street,
    communities: names.map((name) => ({ name, members: doc.members.filter((m) => m.community === name).sort((a, b) => order(a.post) - order(b.post)) })),
    history: [...doc.history].sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date))),
  };
}
