import { inChina, salonIdInput, salonStatus, SALON_PAGE, SALON_REMINDER_TEMPLATE_ID, type SalonDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { cloud, db, readDoc } from '../shared/cloud';
import type { CallerProfile } from '../shared/identity';
import { textOf } from '../shared/transaction';
import { userKey } from '../shared/user-key';
import { loadSalon } from './salon-view';

/**
 * Reminders the day before a salon, as one-time subscribe messages. The secretary accepts the subscription on
 * the tap that signs her up (client/src/salon/subscribe.ts), which records it here (`remindMe`): WeChat does
 * not tell the server who accepted, and one acceptance allows one message. The daily timer sends to those
 * with a recorded subscription whose seat is confirmed, each subscription exactly once: it is claimed with a
 * conditional update (`pending` → `sending`) before the send, so a timer that fires twice (or two instances
 * at once) sends once. A crash between claim and send leaves it `sending` (at most once, never twice).
 */
const REMINDERS = 'salonReminders';

export interface SalonReminderDoc {
  _id: string;
  salonId: string;
  openid: string;
  secretaryId: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  createdAt: Date;
  sentAt?: Date;
  error?: string;
}

/** The part of `cloud.openapi` used here (the SDK types it as any). */
interface SubscribeApi {
  subscribeMessage: { send(req: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<unknown> };
}

/** Template `thing` values hold at most 20 characters. */
const thing = (s: string) => ({ value: [...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s || '—' });

export function reminderData(s: Pick<SalonDoc, 'title' | 'date' | 'place' | 'theme'>): Record<string, { value: string }> {
  return {
    thing1: thing(s.title),
    time2: { value: inChina(s.date).format('YYYY年M月D日 HH:mm') },
    thing3: thing(s.place),
    thing4: thing(`明天举行：${s.theme}`),
  };
}

export const reminderActions: ActionMap = {
  /** Records the caller's accepted one-time subscription for this salon's reminder → `{ salonId, subscribed }`. */
  remindMe: action({
    access: 'secretary',
    input: z.strictObject({ salonId: salonIdInput }),
    async run({ salonId }, { profile, now }) {
      const p = profile as CallerProfile;
      const salon = await loadSalon(salonId);
      const id = `${salonId}.${userKey(p.openid)}`;
      const existing = await readDoc<SalonReminderDoc>(REMINDERS, id);
      // Already waiting or sent: one reminder per salon, however often the button is tapped.
      if (!existing && salonStatus(salon, now) !== 'archived') {
        await db.collection(REMINDERS).doc(id).set({ data: { salonId, openid: p.openid, secretaryId: p.secretaryId as string, status: 'pending', createdAt: now } });
      }
      return { salonId, subscribed: true };
    },
  }),
};

/** Sends the reminders of the salons held on the China-time day after `now`. */
export async function sendDayBeforeReminders(now: Date): Promise<{ day: string; salons: number; sent: number; failed: number }> {
  const tomorrow = inChina(now).add(1, 'day').startOf('day');
  const salons = await db
    .collection<SalonDoc>('salons')
    .where({ date: db.command.gte(tomorrow.toDate()).and(db.command.lt(tomorrow.add(1, 'day').toDate())) })
    .orderBy('date', 'asc')
    .limit(20)
    .get();
  let sent = 0;
  let failed = 0;
  for (const salon of salons.data) {
    if (salonStatus(salon, now) === 'archived') continue;
    const pending = await db.collection<SalonReminderDoc>(REMINDERS).where({ salonId: salon._id, status: 'pending' }).limit(1000).get();
    for (const r of pending.data) {
      if (!(salon.accepted ?? []).includes(r.secretaryId)) continue; // no confirmed seat (yet): no reminder
      const claim = await db.collection(REMINDERS).where({ _id: r._id, status: 'pending' }).update({ data: { status: 'sending' } });
      if (claim.stats.updated !== 1) continue; // another run took it
      try {
        await (cloud.openapi as unknown as SubscribeApi).subscribeMessage.send({ touser: r.openid, templateId: SALON_REMINDER_TEMPLATE_ID, page: `${SALON_PAGE}?id=${salon._id}`, data: reminderData(salon) });
        await db.collection(REMINDERS).doc(r._id).update({ data: { status: 'sent', sentAt: new Date() } });
        sent++;
      } catch (err) {
        // 43101: the subscription was used up or withdrawn. Not retried: a one-time subscription allows one try.
        const e = err as { errCode?: unknown; message?: unknown } | null;
        const code = textOf(e?.errCode) || textOf(e?.message);
        console.warn('[salon] reminder not sent', r._id, code);
        await db.collection(REMINDERS).doc(r._id).update({ data: { status: 'failed', error: code } });
        failed++;
      }
    }
  }
  return { day: tomorrow.format('YYYY-MM-DD'), salons: salons.data.length, sent, failed };
}
