import { z } from 'zod';
import { idSchema } from './contest';
import { STREETS, type Street } from './streets';
import { inChina } from './time';

/**
 * 社区书记沙龙 (issue 11): monthly, hosted by the streets in rotation (轮值主席制). One salon per China-time
 * month, so its id is `salon-YYYY-MM`. Sign-up state lives in the salon document itself (seats left, the
 * accepted list, the waiting list, who checked in) so that every sign-up decision is ONE conditional update of
 * one document, which CloudBase applies atomically (cloudfunctions/salon/signup.ts).
 */
export const SALON_STATUSES = ['planned', 'open', 'closed', 'archived'] as const;
export type SalonStatus = (typeof SALON_STATUSES)[number];
export const SALON_STATUS_LABELS: Record<SalonStatus, string> = { planned: '筹备中', open: '报名中', closed: '报名已截止', archived: '已归档' };

/** Topics residents care about; a salon has one, the list and the archive filter by it. */
export const SALON_TOPICS = ['停车管理', '物业服务', '防汛排水', '老旧小区改造', '新就业群体', '养老服务', '垃圾分类', '矛盾调解', '文明创建'] as const;
export type SalonTopic = (typeof SALON_TOPICS)[number];

/** Departments and experts usually invited to comment (区住建局, 区城管局 …); free text is allowed too. */
export const SALON_DEPARTMENTS = ['区住建局', '区城管局', '区水务局', '交警大队', '区民政局', '区委社会工作部', '区人社局'] as const;

/** A GeoJSON point, as `db.Geo.Point(longitude, latitude)` stores it (`salons.location` has a 2dsphere index). */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

export interface SalonPresenter {
  secretaryId: string;
  name: string;
  community: string;
  caseTitle: string;
}

export interface SalonDoc {
  _id: string;
  /** e.g. `第13期社区书记沙龙`. */
  title: string;
  topic: SalonTopic;
  /** The headline of this salon, e.g. `老旧小区停车难怎么破`. */
  theme: string;
  date: Date;
  place: string;
  location: GeoPoint;
  hostStreet: Street;
  presenters: SalonPresenter[];
  departments: string[];
  experts: string[];
  capacity: number;
  signupOpensAt: Date;
  signupClosesAt: Date;
  /** Stored status: an admin's `closed` or `archived` wins; otherwise the sign-up window decides (`salonStatus`). */
  status: SalonStatus;
  /** capacity − accepted: the one number every sign-up conditionally decrements. */
  seatsLeft: number;
  /** Secretary ids, in the order they got their seat. */
  accepted: string[];
  /** Secretary ids, first in line first. */
  waiting: string[];
  checkedIn: string[];
  /** When each secretary checked in (or scanned, for a check-in sent later from an offline phone). */
  checkInTimes?: Record<string, Date>;
  /** Secret of this salon's check-in codes; never leaves the function. */
  checkInSecret: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The rotation: the ordered streets and whose turn is next; one document `salonRotation/rotation`. */
export interface SalonSkip {
  street: Street;
  reason: string;
  at: Date;
  /** userKey of the admin who skipped it. */
  by: string;
}
export interface RotationDoc {
  _id: 'rotation';
  order: Street[];
  /** Index in `order` of the street proposed for the next salon. */
  nextIndex: number;
  /** Issue number of the next salon (第N期). */
  nextIssue: number;
  skips: SalonSkip[];
  updatedAt: Date;
}

export const salonIdForMonth = (date: Date): string => `salon-${inChina(date).format('YYYY-MM')}`;
export const SALON_ID_PATTERN = /^salon-\d{4}-(0[1-9]|1[0-2])$/;

/** What the status is now: an admin's closing or archiving wins, otherwise the sign-up window. */
export function salonStatus(s: Pick<SalonDoc, 'status' | 'signupOpensAt' | 'signupClosesAt'>, now: Date): SalonStatus {
  if (s.status === 'archived' || s.status === 'closed') return s.status;
  if (now < new Date(s.signupOpensAt)) return 'planned';
  return now < new Date(s.signupClosesAt) ? 'open' : 'closed';
}

/** The street proposed `ahead` turns after the next one (0 = the next salon's host). */
export const proposedHost = (r: Pick<RotationDoc, 'order' | 'nextIndex'>, ahead = 0): Street => r.order[(r.nextIndex + ahead) % r.order.length];

const streetSchema = z.enum(STREETS);
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), '日期格式不正确');

export const geoPointInput = z.strictObject({
  longitude: z.number().min(-180).max(180),
  latitude: z.number().min(-90).max(90),
});

export const presenterInput = z.strictObject({ secretaryId: idSchema, caseTitle: text(60) });

/** What an admin fills in for a salon (`salon.create`; `salon.update` takes any part of it; lists default to empty). */
export const salonFieldsSchema = z.strictObject({
  date: isoDate,
  topic: z.enum(SALON_TOPICS),
  theme: text(60),
  place: text(80),
  location: geoPointInput,
  presenters: z.array(presenterInput).max(12),
  departments: z.array(text(30)).max(12),
  experts: z.array(text(30)).max(12),
  capacity: z.number().int().min(1).max(500),
  signupOpensAt: isoDate,
  signupClosesAt: isoDate,
});
export type SalonFields = z.infer<typeof salonFieldsSchema>;

export const salonIdSchema = z.string().regex(SALON_ID_PATTERN, '沙龙编号格式不正确');
export const rotationOrderSchema = z
  .array(streetSchema)
  .min(1)
  .max(STREETS.length)
  .refine((a) => new Set(a).size === a.length, '街道不能重复');
export const skipReasonSchema = text(200);

/** Check-in codes: `wxacode.getUnlimited` scenes `ci.<YYYY-MM>.<mac>`, at most 32 characters (see signup.ts). */
export const CHECKIN_SCENE_PATTERN = /^ci\.\d{4}-\d{2}\.[A-Za-z0-9_-]{16}$/;
export const checkInSceneSchema = z.string().trim().max(32).regex(CHECKIN_SCENE_PATTERN, '这不是沙龙签到码');
/** The salon id a check-in scene names (not yet verified). */
export const salonIdOfScene = (scene: string): string => `salon-${scene.split('.')[1] ?? ''}`;

/** How a secretary stands with one salon. */
export type SignupStatus = 'accepted' | 'waiting' | 'none';
export interface MySignup {
  status: SignupStatus;
  /** 1 = first in the waiting list. */
  position?: number;
  checkedIn: boolean;
}
