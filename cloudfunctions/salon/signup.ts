import { AppError, chinaDay, checkInSceneSchema, ensure, inChina, salonIdOfScene, salonIdSchema, type SalonDoc } from '@yanzhen/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { action, boundSecretaryId, type ActionMap } from '../shared/action';
import { appendAudit } from '../shared/audit';
import { _, cloud, db } from '../shared/cloud';
import { openapi } from '../shared/openapi';
import { loadSalon } from './salon-view';
import { cancel, signUp } from './seats';

/**
 * Sign-up, cancellation and check-in (seats.ts holds the place-keeping). Check-in codes are mini-program codes
 * (`wxacode.getUnlimited`) whose scene is `ci.<YYYY-MM>.<mac>`: the month names the salon (one a month) and
 * `mac` is HMAC-SHA256 over `<salonId>|<China date of the salon>` with the salon's own secret, cut to 16
 * base64url characters (27 characters in all, ≤ 32). A code therefore works for that salon only, and only
 * on its day: another salon's code or a code made for another day does not verify.
 */
export const CHECKIN_PAGE = 'salon/checkin/index';
/** A check-in queued offline on the phone is still taken this long after the salon's day ends. */
const OFFLINE_GRACE_MS = 24 * 60 * 60 * 1000;
/** Phones' clocks run a little fast or slow. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function checkInMac(salon: Pick<SalonDoc, '_id' | 'checkInSecret'>, day: string): string {
  return createHmac('sha256', salon.checkInSecret).update(`${salon._id}|${day}`).digest('base64url').slice(0, 16);
}

export const checkInScene = (salon: Pick<SalonDoc, '_id' | 'checkInSecret' | 'date'>): string =>
  `ci.${salon._id.slice('salon-'.length)}.${checkInMac(salon, chinaDay(new Date(salon.date)))}`;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Is a check-in sent now (scanned at `scannedAt`, when it waited offline on the phone) on the salon's day? */
function onSalonDay(salonDay: string, now: Date, scannedAt: Date | undefined): boolean {
  if (chinaDay(now) === salonDay) return true;
  if (!scannedAt || scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS || chinaDay(scannedAt) !== salonDay) return false;
  const dayEnd = inChina(`${salonDay}T00:00:00+08:00`).add(1, 'day').valueOf();
  return now.getTime() <= dayEnd + OFFLINE_GRACE_MS;
}

export const signupActions: ActionMap = {
  /** A place while any is left, else the waiting list (with the position); signing up twice changes nothing. */
  signUp: action({
    access: 'secretary',
    input: z.strictObject({ salonId: salonIdSchema }),
    run: async ({ salonId }, ctx) => ({ salonId, ...(await signUp(salonId, boundSecretaryId(ctx), ctx.now)) }),
  }),

  /** Withdraws the caller's sign-up; a freed place goes to the first in the waiting list. */
  cancel: action({
    access: 'secretary',
    input: z.strictObject({ salonId: salonIdSchema }),
    async run({ salonId }, ctx) {
      const { promoted, ...mine } = await cancel(salonId, boundSecretaryId(ctx), ctx.now);
      return { salonId, ...mine, promotedCount: promoted.length };
    },
  }),

  /** The salon's check-in code as a mini-program code image (kept in cloud storage), for the venue. */
  checkInCode: action({
    access: 'admin',
    input: z.strictObject({ salonId: salonIdSchema }),
    async run({ salonId }, { caller }) {
      const salon = await loadSalon(salonId);
      const scene = checkInScene(salon);
      let image: { buffer?: Buffer };
      try {
        image = (await openapi().wxacode.getUnlimited({ scene, page: CHECKIN_PAGE, checkPath: false })) as { buffer?: Buffer };
      } catch (err) {
        console.error('[salon] wxacode.getUnlimited failed', err);
        throw new AppError('internal', '签到码生成失败，请稍后再试');
      }
      ensure(image.buffer && image.buffer.length > 0, 'internal', '签到码生成失败，请稍后再试');
      const uploaded = await cloud.uploadFile({ cloudPath: `salon-checkin/${salonId}.png`, fileContent: image.buffer });
      const urls = (await cloud.getTempFileURL({ fileList: [uploaded.fileID] })) as { fileList?: { tempFileURL?: string }[] };
      await appendAudit({ actor: caller.openid ?? '', action: 'salon.checkInCode', target: `salons/${salonId}`, before: null, after: { validOn: chinaDay(new Date(salon.date)) } });
      return { salonId, scene, page: CHECKIN_PAGE, fileID: uploaded.fileID, tempFileURL: urls.fileList?.[0]?.tempFileURL ?? '', validOn: chinaDay(new Date(salon.date)) };
    },
  }),

  /**
   * Checks the caller in with a scanned code. `salonId` (optional) is the salon whose page scanned it;
   * `scannedAt` is when the phone scanned a code it could only send later. Sent twice, it counts once.
   */
  checkIn: action({
    access: 'secretary',
    input: z.strictObject({ scene: checkInSceneSchema, salonId: salonIdSchema.optional(), scannedAt: z.coerce.date().optional() }),
    async run({ scene, salonId, scannedAt }, ctx) {
      const secretaryId = boundSecretaryId(ctx);
      const named = salonIdOfScene(scene);
      ensure(!salonId || salonId === named, 'failed-precondition', '这是另一期沙龙的签到码');
      const salon = await loadSalon(named).catch(() => {
        throw new AppError('failed-precondition', '签到码无效');
      });
      const salonDay = chinaDay(new Date(salon.date));
      ensure(sameText(scene, checkInScene(salon)), 'failed-precondition', '签到码无效或不是本期沙龙当天的签到码');
      ensure(onSalonDay(salonDay, ctx.now, scannedAt), 'failed-precondition', `签到码只在沙龙当天（${salonDay}）有效`);
      ensure(salon.accepted.includes(secretaryId), 'failed-precondition', '您没有报名成功本期沙龙，请联系现场工作人员');
      const res = await db
        .collection('salons')
        .where({ _id: salon._id, accepted: secretaryId, checkedIn: _.neq(secretaryId) })
        .update({ data: { checkedIn: _.push(secretaryId), [`checkInTimes.${secretaryId}`]: scannedAt ?? ctx.now } });
      return { salonId: salon._id, checkedIn: true, first: res.stats.updated === 1 };
    },
  }),
};
