import { fail, ok, type Envelope } from '@yanzhen/domain';
import { cloud } from '../shared/cloud';
import type { TimerEvent } from '../shared/timer';
import { sendDayBeforeReminders } from './reminders';

/** The timer trigger declared for `salon` in cloudbaserc.json: every day at 09:00 China time. */
export const DAILY_REMINDERS_TRIGGER = 'dailyReminders';

/**
 * What the salon's timer triggers do. A client can call any function with any event, so an event shaped like
 * a timer's is trusted only when the platform reports no caller: CloudBase runs timers without an OPENID,
 * while every call from the mini-program carries one.
 */
export async function runSalonTimer(event: TimerEvent): Promise<Envelope<unknown>> {
  const { OPENID } = cloud.getWXContext();
  if (OPENID) return fail('permission-denied', '定时任务只能由平台触发');
  if (event.TriggerName !== DAILY_REMINDERS_TRIGGER) return fail('invalid-argument', '未知的定时任务', { trigger: String(event.TriggerName).slice(0, 64) });
  try {
    return ok({ trigger: event.TriggerName, ...(await sendDayBeforeReminders(new Date())) });
  } catch (err) {
    console.error('[salon] timer failed', err);
    return fail('internal', '定时任务执行失败');
  }
}
