import Taro from '@tarojs/taro';
import { SALON_REMINDER_TEMPLATE_ID } from '@yanzhen/domain';
import { remindMe } from './qa-api';

export type ReminderAnswer = 'accepted' | 'declined' | 'unavailable';

/**
 * Asks for the one-time subscription of the salon's day-before reminder and, when accepted, records it with
 * the `salon` function (WeChat tells only the phone who accepted). WeChat opens the prompt only inside a tap,
 * so call this FIRST in the sign-up button's handler, before awaiting anything, and await it afterwards:
 *   const reminder = askSalonReminder(salonId); const res = await signUp(salonId); await reminder;
 * Never throws: a refused or failed subscription must not spoil the sign-up. The H5 preview has no prompt;
 * it records the subscription as accepted, so the local cloud's outbox shows the reminder.
 */
export async function askSalonReminder(salonId: string): Promise<ReminderAnswer> {
  try {
    if (process.env.TARO_ENV !== 'h5') {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [SALON_REMINDER_TEMPLATE_ID], entityIds: [] })) as unknown as Record<string, string>;
      if (res[SALON_REMINDER_TEMPLATE_ID] !== 'accept') return 'declined';
    }
    const recorded = await remindMe(salonId);
    return recorded.ok ? 'accepted' : 'unavailable';
  } catch (err) {
    console.warn('[salon] reminder subscription failed', err);
    return 'unavailable';
  }
}
