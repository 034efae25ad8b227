import { z } from 'zod';
import { idSchema } from './contest';
import { STREETS, type Street } from './streets';

/**
 * Growing secretaries (design.md, capability 6, and the archive's reserve pipeline): reserves who move
 * 雏雁 → 青雁 → 头雁, studios led by excellent secretaries, and secondment batches (区内挂职交流). Reserves,
 * studios and batches carry no private field (phone, ID number, address): those live in the person file only.
 */

/** The reserve pipeline, in order: a reserve is proposed for a vacant post from the highest stage down. */
export const RESERVE_STAGES = ['雏雁', '青雁', '头雁'] as const;
export type ReserveStage = (typeof RESERVE_STAGES)[number];
export const RESERVE_STAGE_NOTES: Record<ReserveStage, string> = {
  雏雁: '初步发现、重点培养',
  青雁: '可担任两委成员',
  头雁: '可担任社区主职',
};

/** Where reserves are found (the report: 优秀社工、专职网格员). */
export const RESERVE_SOURCES = ['社区工作者', '专职网格员', '两委成员', '大学生村官', '退役军人', '其他'] as const;
export type ReserveSource = (typeof RESERVE_SOURCES)[number];

/** Posts of a community's "两委" that can fall vacant. */
export const VACANCY_POSTS = ['党组织书记', '居委会主任', '党组织副书记', '两委委员'] as const;
export type VacancyPost = (typeof VACANCY_POSTS)[number];

export const talentDaySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 2026-03-01');
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 字`);
const nameSchema = text(20, '姓名');
const communitySchema = text(30, '社区名称');

export interface StageChange {
  from: ReserveStage | null;
  to: ReserveStage;
  reason: string;
  /** The day the change took effect (China time, `YYYY-MM-DD`), as the office decided it. */
  date: string;
  /** When it was recorded. */
  at: Date;
}

export interface ReserveDoc {
  _id: string;
  name: string;
  street: Street;
  community: string;
  source: ReserveSource;
  stage: ReserveStage;
  /** Day of the latest stage change: among equals, the longer-standing reserve is proposed first. */
  stageSince: string;
  note: string;
  history: StageChange[];
  createdAt: Date;
  updatedAt: Date;
}

export const addReserveInput = z.strictObject({
  name: nameSchema,
  street: z.enum(STREETS),
  community: communitySchema,
  source: z.enum(RESERVE_SOURCES),
  stage: z.enum(RESERVE_STAGES).default('雏雁'),
  date: talentDaySchema,
  note: z.string().trim().max(200).default(''),
});

export const reserveMoveInput = z.strictObject({
  reserveId: idSchema,
  to: z.enum(RESERVE_STAGES),
  reason: text(200, '调整原因'),
  date: talentDaySchema,
});

export const reserveVacancyInput = z.strictObject({ street: z.enum(STREETS), post: z.enum(VACANCY_POSTS) });

/**
 * Reserves proposed for a vacant post: the street's own reserves first (the report: 两委班子出现空缺时，优先从后备
 * 力量中产生新任人选), each group from the highest stage down, longer in the stage first, then by name.
 */
export function rankForVacancy<R extends Pick<ReserveDoc, 'street' | 'stage' | 'stageSince' | 'name'>>(reserves: readonly R[], street: Street): (R & { sameStreet: boolean })[] {
  const stageRank = (s: ReserveStage) => RESERVE_STAGES.length - 1 - RESERVE_STAGES.indexOf(s);
  return reserves
    .map((r) => ({ ...r, sameStreet: r.street === street }))
    .sort(
      (a, b) =>
        Number(b.sameStreet) - Number(a.sameStreet) ||
        stageRank(a.stage) - stageRank(b.stage) ||
        a.stageSince.localeCompare(b.stageSince) ||
        a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
}

// ——— Studios (优秀社区书记工作室) ———

export const STUDIO_ACTIVITY_KINDS = ['研讨', '经验分享', '挂职实训'] as const;
export type StudioActivityKind = (typeof STUDIO_ACTIVITY_KINDS)[number];

/** A person as studios and batches show them: public facts of the archive record only. */
export interface TalentPerson {
  secretaryId: string;
  name: string;
  community: string;
  street: string;
}

export interface StudioActivity {
  id: string;
  kind: StudioActivityKind;
  title: string;
  date: string;
  summary: string;
}

export interface StudioDoc {
  _id: string;
  name: string;
  intro: string;
  leader: TalentPerson;
  members: TalentPerson[];
  activities: StudioActivity[];
  createdAt: Date;
  updatedAt: Date;
}

export const saveStudioInput = z.strictObject({
  studioId: idSchema.optional(),
  name: text(30, '工作室名称'),
  intro: text(500, '工作室简介'),
  leaderId: idSchema,
  memberIds: z.array(idSchema).max(30).default([]),
});

export const studioActivityInput = z.strictObject({
  studioId: idSchema,
  kind: z.enum(STUDIO_ACTIVITY_KINDS),
  title: text(40, '活动名称'),
  date: talentDaySchema,
  summary: text(500, '活动内容'),
});

// ——— Secondment batches (区内挂职交流) ———

/** recommending: streets recommend and wishes are collected → paired → running (kickoff held) → closed. */
export const BATCH_STATUSES = ['recommending', 'paired', 'running', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = { recommending: '推荐中', paired: '已结对', running: '挂职中', closed: '已结束' };

/** Who may be recommended: a secretary of a newly built community or of one whose work is weaker. */
export const RECOMMENDATION_REASONS = ['新建社区', '工作相对薄弱社区'] as const;

export interface BatchMeeting {
  date: string;
  place: string;
  notes: string;
}

export interface BatchDoc {
  _id: string;
  title: string;
  /** The streets taking part; each recommends exactly one secretary. */
  streets: Street[];
  status: BatchStatus;
  kickoff: BatchMeeting | null;
  summaryMeeting: BatchMeeting | null;
  summary: string | null;
  openedAt: Date;
  closedAt: Date | null;
}

/** One street's recommendation; its `_id` is `recommendationId(batchId, street)`, so a street has one at most. */
export interface RecommendationDoc {
  _id: string;
  batchId: string;
  street: Street;
  secretaryId: string;
  name: string;
  community: string;
  reason: (typeof RECOMMENDATION_REASONS)[number];
  /** Wished host communities, most wanted first. */
  wishes: string[];
  mentor: TalentPerson | null;
  /** Which wish the mentor's community was (0 = first), or null when none could be honoured. */
  wishRank: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SecondmentReportDoc {
  _id: string;
  recommendationId: string;
  batchId: string;
  secretaryId: string;
  mentorId: string;
  period: string;
  text: string;
  filedAt: Date;
  comment: { text: string; at: Date } | null;
}

/** Deterministic: the street's index in STREETS keeps the id ASCII (ids stay `idSchema`-safe). */
export const recommendationId = (batchId: string, street: Street): string => `${batchId}-st${String(STREETS.indexOf(street) + 1).padStart(2, '0')}`;

export const openBatchInput = z.strictObject({
  title: text(40, '批次名称'),
  streets: z.array(z.enum(STREETS)).min(1, '请选择参加的街道').max(STREETS.length).refine((s) => new Set(s).size === s.length, '街道重复'),
});

const wishesSchema = z.array(communitySchema).min(1, '请至少填写一个意向社区').max(3, '最多填写三个意向社区').refine((w) => new Set(w).size === w.length, '意向社区重复');

export const secondmentRecommendInput = z.strictObject({
  batchId: idSchema,
  street: z.enum(STREETS),
  secretaryId: idSchema,
  reason: z.enum(RECOMMENDATION_REASONS),
  wishes: wishesSchema,
});

export const secondmentWishesInput = z.strictObject({ batchId: idSchema, street: z.enum(STREETS), wishes: wishesSchema });

export const batchPairInput = z.strictObject({
  batchId: idSchema,
  pairs: z.array(z.strictObject({ street: z.enum(STREETS), mentorId: idSchema })).min(1).max(STREETS.length),
});

export const batchMeetingInput = z.strictObject({
  batchId: idSchema,
  kind: z.enum(['kickoff', 'summary']),
  date: talentDaySchema,
  place: text(40, '地点'),
  notes: text(1000, '会议纪要'),
});

export const secondmentReportInput = z.strictObject({ batchId: idSchema, period: text(20, '报告期'), text: text(2000, '报告内容') });
export const reportCommentInput = z.strictObject({ reportId: idSchema, text: text(1000, '点评') });
export const closeBatchInput = z.strictObject({ batchId: idSchema, summary: text(2000, '批次总结') });
