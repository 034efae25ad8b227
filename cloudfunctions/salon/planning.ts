import {
  AppError,
  ensure,
  idSchema,
  proposedHost,
  salonFieldsSchema,
  salonIdForMonth,
  salonIdSchema,
  SALON_STATUSES,
  SALON_TOPICS,
  STREETS,
  type SalonDoc,
  type SalonFields,
  type SalonPresenter,
} from '@yanzhen/domain';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { appendAudit, auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import type { Doc } from '../shared/db-types';
import { inTransaction, readInTransaction } from '../shared/transaction';
import { ROTATION_ID, rotationActions, rotationData, rotationIn } from './rotation';
import { callerSignup, geoPoint, loadSalon, publicSalon } from './salon-view';
import { fillSeats } from './seats';

/** Salons: admins create them from the rotation's proposal and update them; anyone lists and reads them. */
const PAGE_SIZE = 20;

async function resolvePresenters(list: { secretaryId: string; caseTitle: string }[]): Promise<SalonPresenter[]> {
  return Promise.all(
    list.map(async ({ secretaryId, caseTitle }) => {
      const s = await readDoc<{ name: string; community: string }>('secretaries', secretaryId, { name: true, community: true });
      ensure(s, 'invalid-argument', `找不到主讲书记 ${secretaryId}`);
      return { secretaryId, name: s.name, community: s.community, caseTitle };
    }),
  );
}

function checkDates(f: Pick<SalonFields, 'date' | 'signupOpensAt' | 'signupClosesAt'>): void {
  ensure(f.signupOpensAt < f.signupClosesAt, 'invalid-argument', '报名截止时间要晚于报名开始时间');
  ensure(f.signupClosesAt <= f.date, 'invalid-argument', '报名要在沙龙开始前截止');
}

const createInput = salonFieldsSchema.partial({ presenters: true, departments: true, experts: true }).extend({ hostStreet: z.enum(STREETS) });
const updateInput = salonFieldsSchema.partial().extend({ salonId: salonIdSchema, status: z.enum(SALON_STATUSES).optional() });

/** The stored fields an update may change, in storage form. */
async function changedFields(input: z.infer<typeof updateInput>): Promise<Doc> {
  const { salonId: _id, capacity: _capacity, location, presenters, ...rest } = input;
  const data: Doc = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (location) data.location = geoPoint(db, location);
  if (presenters) data.presenters = await resolvePresenters(presenters);
  return data;
}

export const planningActions: ActionMap = {
  ...rotationActions,

  /**
   * A salon for the street whose turn it is (`hostStreet` must be the proposed host: another street needs the
   * proposed one skipped with a reason first). One salon per China-time month: its id is `salon-YYYY-MM`.
   */
  create: action({
    access: 'admin',
    input: createInput,
    async run(input, { caller, now }) {
      ensure(input.date > now, 'invalid-argument', '沙龙时间要在今天之后');
      checkDates(input);
      const presenters = await resolvePresenters(input.presenters ?? []);
      const salonId = salonIdForMonth(input.date);
      return inTransaction(async (t) => {
        const r = await rotationIn(t, now);
        const host = proposedHost(r);
        ensure(input.hostStreet === host, 'failed-precondition', `按轮值顺序应由${host}街道承办；如需跳过，请先填写跳过原因`);
        ensure(!(await readInTransaction(t, 'salons', salonId)), 'already-exists', '这个月已经安排了沙龙');
        const salon: Omit<SalonDoc, '_id'> = {
          title: `第${r.nextIssue}期社区书记沙龙`,
          topic: input.topic,
          theme: input.theme,
          date: input.date,
          place: input.place,
          location: { type: 'Point', coordinates: [input.location.longitude, input.location.latitude] },
          hostStreet: host,
          presenters,
          departments: input.departments ?? [],
          experts: input.experts ?? [],
          capacity: input.capacity,
          signupOpensAt: input.signupOpensAt,
          signupClosesAt: input.signupClosesAt,
          status: 'planned',
          seatsLeft: input.capacity,
          accepted: [],
          waiting: [],
          checkedIn: [],
          checkInSecret: randomBytes(24).toString('base64url'),
          createdAt: now,
          updatedAt: now,
        };
        await t.collection('salons').doc(salonId).set({ data: { ...salon, location: geoPoint(db, input.location) } });
        await t.collection('salonRotation').doc(ROTATION_ID).set({ data: rotationData({ ...r, nextIndex: (r.nextIndex + 1) % r.order.length, nextIssue: r.nextIssue + 1, updatedAt: now }) });
        await auditIn(t, { actor: caller.openid ?? '', action: 'salon.create', target: `salons/${salonId}`, before: null, after: { title: salon.title, hostStreet: host, date: salon.date, topic: salon.topic, capacity: salon.capacity } });
        return publicSalon({ _id: salonId, ...salon }, now);
      });
    },
  }),

  /**
   * Changes a salon. The capacity never drops below the secretaries already accepted (a conditional update on
   * `seatsLeft`, so a sign-up at the same moment cannot slip under it); more places move the waiting list up.
   * `status`: `closed` or `archived` are an admin's word; `planned`/`open` let the sign-up window decide.
   */
  update: action({
    access: 'admin',
    input: updateInput,
    async run(input, { caller, now }) {
      const before = await loadSalon(input.salonId);
      const date = input.date ?? new Date(before.date);
      ensure(salonIdForMonth(date) === before._id, 'invalid-argument', '沙龙只能在本月内改期；换月份请新建一期');
      checkDates({ date, signupOpensAt: input.signupOpensAt ?? new Date(before.signupOpensAt), signupClosesAt: input.signupClosesAt ?? new Date(before.signupClosesAt) });
      const data = { ...(await changedFields(input)), updatedAt: now };
      const where: Doc = { _id: before._id };
      if (input.capacity !== undefined && input.capacity !== before.capacity) {
        const delta = input.capacity - before.capacity;
        Object.assign(where, { capacity: before.capacity, seatsLeft: _.gte(-delta) });
        Object.assign(data, { capacity: input.capacity, seatsLeft: _.inc(delta) });
      }
      const res = await db.collection('salons').where(where).update({ data });
      if (res.stats.updated === 0) {
        const now2 = await loadSalon(before._id);
        ensure(now2.accepted.length <= (input.capacity ?? 0), 'failed-precondition', `已有${now2.accepted.length}位书记报名成功，名额不能少于${now2.accepted.length}`);
        throw new AppError('failed-precondition', '沙龙刚被其他人修改过，请刷新后再试');
      }
      if (input.capacity !== undefined && input.capacity > before.capacity) await fillSeats(before._id);
      const after = await loadSalon(before._id);
      const { salonId: _s, ...changed } = input;
      await appendAudit({ actor: caller.openid ?? '', action: 'salon.update', target: `salons/${before._id}`, before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Doc)[k] ?? null])), after: changed });
      return publicSalon(after, now);
    },
  }),

  /** Every salon, newest first; optionally of one topic or one host street (CONTRACT: items carry _id, date, hostStreet, topic, status). */
  list: action({
    access: 'public',
    input: z.strictObject({ topic: z.enum(SALON_TOPICS).optional(), street: z.enum(STREETS).optional(), page: z.number().int().min(0).max(1000).optional() }),
    async run({ topic, street, page = 0 }, { now }) {
      const where: Doc = {};
      if (topic) where.topic = topic;
      if (street) where.hostStreet = street;
      const res = await db
        .collection<SalonDoc>('salons')
        .where(where)
        .orderBy('date', 'desc')
        .field({ accepted: false, waiting: false, checkedIn: false, checkInSecret: false, checkInTimes: false })
        .skip(page * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .get();
      const items = res.data.slice(0, PAGE_SIZE).map((s) => {
        const v = publicSalon(s, now);
        return { _id: v._id, title: v.title, date: v.date, hostStreet: v.hostStreet, topic: v.topic, theme: v.theme, status: v.status, place: v.place, presenterCount: v.presenters.length, capacity: v.capacity, seatsLeft: v.seatsLeft };
      });
      return { items, page, hasMore: res.data.length > PAGE_SIZE };
    },
  }),

  /** One salon for its page; `me` is the caller's own sign-up when the caller is a bound secretary. */
  get: action({
    access: 'public',
    input: z.strictObject({ salonId: idSchema }),
    async run({ salonId }, { caller, now }) {
      const salon = await loadSalon(salonId);
      return { ...publicSalon(salon, now), me: await callerSignup(salon, caller) };
    },
  }),
};
