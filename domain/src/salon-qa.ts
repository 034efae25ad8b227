import { z } from 'zod';
import { idSchema } from './contest';
import { SALON_ID_PATTERN, SALON_TOPICS } from './salon';
import { STREETS } from './streets';

/**
 * 你问我答, department comments and the archive of a salon (issue 11). Questions live in `salonQuestions`,
 * one upvote per person is the document `salonQuestionVotes/<questionId>.<userKey>` (a second add of that id is
 * refused by the database, so concurrent taps count once), comments in `salonComments`, minutes and photos in
 * `salonArchives/<salonId>`, reminder subscriptions in `salonReminders/<salonId>.<userKey>`.
 */
export interface SalonAnswer {
  secretaryId: string;
  name: string;
  text: string;
  at: Date;
}

export interface SalonQuestionDoc {
  _id: string;
  salonId: string;
  text: string;
  /** userKey of the asker (never shown). */
  askerKey: string;
  /** What is shown: a secretary's name and community, or 区委组织部 for an admin. */
  askerLabel: string;
  upvotes: number;
  /** One per presenter who answered, keyed by secretary id: each presenter's answer is one atomic `$set`. */
  answers: Record<string, SalonAnswer>;
  /** Marked by the host street's secretary (or an admin) when it was answered on site. */
  answeredOnSite: boolean;
  createdAt: Date;
}

export interface SalonCommentDoc {
  _id: string;
  salonId: string;
  /** The presenter whose case the comment is about; null for the salon as a whole. */
  caseSecretaryId: string | null;
  caseTitle: string | null;
  /** e.g. 区住建局; or an expert's affiliation. */
  department: string;
  /** Who spoke, e.g. 王科长 or an expert's name; optional. */
  speaker: string;
  text: string;
  createdAt: Date;
}

export interface SalonPhoto {
  fileId: string;
  caption: string;
}

export interface SalonArchiveDoc {
  _id: string;
  minutes: string;
  photos: SalonPhoto[];
  updatedAt: Date;
}

/** What a caller sees of one question. */
export interface SalonQuestionView {
  _id: string;
  text: string;
  askerLabel: string;
  upvotes: number;
  voted: boolean;
  answers: { secretaryId: string; name: string; text: string; at: Date }[];
  answeredOnSite: boolean;
  createdAt: Date;
}

/**
 * The one-time subscribe message sent the day before a salon. The template is chosen in the mp console
 * (订阅消息 → 公共模板库, e.g. 活动开始提醒: 活动名称 thing1, 活动时间 time2, 活动地点 thing3, 温馨提示 thing4);
 * replace the id with the one the console gives: the client asks for it, the `salon` function sends it.
 */
export const SALON_REMINDER_TEMPLATE_ID = 'salon-reminder-template-id';
/** The page the message opens (no leading slash, as subscribeMessage.send wants). */
export const SALON_PAGE = 'salon/detail/index';

const text = (max: number) => z.string().trim().min(1).max(max);
export const salonIdInput = z.string().regex(SALON_ID_PATTERN, '沙龙编号格式不正确');

export const askInput = z.strictObject({ salonId: salonIdInput, text: text(300) });
export const upvoteInput = z.strictObject({ questionId: idSchema });
export const answerInput = z.strictObject({ questionId: idSchema, text: text(1000) });
export const onSiteInput = z.strictObject({ questionId: idSchema, answeredOnSite: z.boolean() });
export const commentInput = z.strictObject({
  salonId: salonIdInput,
  caseSecretaryId: idSchema.nullable().default(null),
  department: text(30),
  speaker: z.string().trim().max(30).default(''),
  text: text(1000),
});
export const archiveInput = z.strictObject({
  salonId: salonIdInput,
  minutes: z.string().trim().max(5000),
  photos: z
    .array(z.strictObject({ fileId: z.string().startsWith('cloud://').max(300), caption: z.string().trim().max(40).default('') }))
    .max(18),
});
export const archiveSearchInput = z.strictObject({
  topic: z.enum(SALON_TOPICS).optional(),
  street: z.enum(STREETS).optional(),
  q: z.string().trim().max(30).optional(),
});
