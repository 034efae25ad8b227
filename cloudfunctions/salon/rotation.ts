import { ensure, inChina, proposedHost, rotationOrderSchema, salonIdForMonth, salonStatus, skipReasonSchema, STREETS, type RotationDoc, type SalonDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import type { Transaction } from '../shared/db-types';
import { inTransaction, readInTransaction } from '../shared/transaction';
import { userKey } from '../shared/user-key';

/**
 * 轮值主席制: the admin keeps the ordered list of streets in one document (`salonRotation/rotation`); the next
 * salon's host is the street at `nextIndex`. Creating a salon for that street, or skipping it with a reason,
 * moves the turn on; both happen in a transaction that writes the rotation document, so two admins (or a
 * double click) can never take or skip the same turn twice. A skip is stored with its reason in the document
 * and in the audit trail: a street is never passed over silently.
 */
export const ROTATION_ID = 'rotation';

export function defaultRotation(now: Date): RotationDoc {
  return { _id: ROTATION_ID, order: [...STREETS], nextIndex: 0, nextIssue: 1, skips: [], updatedAt: now };
}

export async function loadRotation(now: Date): Promise<RotationDoc> {
  return (await readDoc<RotationDoc>('salonRotation', ROTATION_ID)) ?? defaultRotation(now);
}

export async function rotationIn(t: Transaction, now: Date): Promise<RotationDoc> {
  return (await readInTransaction<RotationDoc>(t, 'salonRotation', ROTATION_ID)) ?? defaultRotation(now);
}

/** Stored without `_id` (set() takes the id from doc()). */
export function rotationData(r: RotationDoc): Omit<RotationDoc, '_id'> {
  const { _id: _ignored, ...data } = r;
  return data;
}

export function rotationView(r: RotationDoc) {
  return {
    order: r.order,
    nextIndex: r.nextIndex % r.order.length,
    proposedHost: proposedHost(r),
    nextIssue: r.nextIssue,
    skips: [...r.skips].reverse().map((s) => ({ street: s.street, reason: s.reason, at: s.at })),
  };
}

const MONTH_LIMIT = 24;

export const rotationActions: ActionMap = {
  /** The rotation: order, whose turn it is, and the skips on record (newest first). */
  rotation: action({
    access: 'admin',
    input: z.strictObject({}),
    run: async (_input, { now }) => rotationView(await loadRotation(now)),
  }),

  /** A new order; the street whose turn it was keeps it when it is still in the list. */
  setRotation: action({
    access: 'admin',
    input: z.strictObject({ order: rotationOrderSchema }),
    async run({ order }, { caller, now }) {
      return inTransaction(async (t) => {
        const before = await rotationIn(t, now);
        const current = proposedHost(before);
        const kept = order.indexOf(current);
        const after: RotationDoc = { ...before, order, nextIndex: kept >= 0 ? kept : 0, updatedAt: now };
        await t.collection('salonRotation').doc(ROTATION_ID).set({ data: rotationData(after) });
        await auditIn(t, { actor: caller.openid ?? '', action: 'salon.setRotation', target: `salonRotation/${ROTATION_ID}`, before: { order: before.order }, after: { order } });
        return rotationView(after);
      });
    },
  }),

  /**
   * Skips the street whose turn it is, with the reason. `street` names the street the admin means to skip:
   * when the turn has moved on meanwhile (another admin, a double click) nothing is skipped.
   */
  skipHost: action({
    access: 'admin',
    input: z.strictObject({ street: z.enum(STREETS), reason: skipReasonSchema }),
    async run({ street, reason }, { caller, now }) {
      return inTransaction(async (t) => {
        const r = await rotationIn(t, now);
        const current = proposedHost(r);
        ensure(current === street, 'failed-precondition', `现在轮到${current}街道承办，不是${street}街道，请刷新后再操作`);
        const skip = { street, reason, at: now, by: userKey(caller.openid ?? '') };
        const after: RotationDoc = { ...r, nextIndex: (r.nextIndex + 1) % r.order.length, skips: [...r.skips, skip], updatedAt: now };
        await t.collection('salonRotation').doc(ROTATION_ID).set({ data: rotationData(after) });
        await auditIn(t, { actor: caller.openid ?? '', action: 'salon.skipHost', target: `salonRotation/${ROTATION_ID}`, before: { proposedHost: street }, after: { skipped: street, reason, proposedHost: proposedHost(after) } });
        return rotationView(after);
      });
    },
  }),

  /**
   * The coming months (this China-time month first): the salon planned for each, or the street the rotation
   * proposes for it (months without a salon take the turns in order).
   */
  calendar: action({
    access: 'admin',
    input: z.strictObject({ months: z.number().int().min(1).max(MONTH_LIMIT).optional() }),
    async run({ months = 12 }, { now }) {
      const r = await loadRotation(now);
      const start = inChina(now).startOf('month');
      const end = start.add(months, 'month');
      const res = await db
        .collection<SalonDoc>('salons')
        .where({ date: _.gte(start.toDate()).and(_.lt(end.toDate())) })
        .orderBy('date', 'asc')
        .field({ _id: true, title: true, date: true, hostStreet: true, topic: true, theme: true, status: true, signupOpensAt: true, signupClosesAt: true })
        .limit(MONTH_LIMIT * 2)
        .get();
      const byId = new Map(res.data.map((s) => [s._id, s]));
      let turn = 0;
      const items = Array.from({ length: months }, (_x, i) => {
        const month = start.add(i, 'month');
        const s = byId.get(salonIdForMonth(month.toDate()));
        if (s) return { month: month.format('YYYY-MM'), salon: { _id: s._id, title: s.title, date: s.date, hostStreet: s.hostStreet, topic: s.topic, theme: s.theme, status: salonStatus(s, now) }, proposedHost: null };
        return { month: month.format('YYYY-MM'), salon: null, proposedHost: proposedHost(r, turn++) };
      });
      return { items, rotation: rotationView(r) };
    },
  }),
};
