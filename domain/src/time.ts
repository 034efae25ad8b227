import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Voting days and salon dates are China time (UTC+8, no daylight saving since 1991), whatever the
 * server's or the phone's zone. A fixed `utcOffset` rather than `dayjs.tz('Asia/Shanghai')`: the
 * timezone plugin needs `Intl` time-zone data, which not every mini-program JS engine ships, and this
 * code runs in the client too; for a zone without daylight saving both give the same answers.
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

/** The instant `at` as China wall-clock time. */
export const inChina = (at: Date | string | number) => dayjs(at).utcOffset(CHINA_UTC_OFFSET_MINUTES);

/** `2026-11-25` for the China-time day that contains `at`. */
export function chinaDay(at: Date): string {
  return inChina(at).format('YYYY-MM-DD');
}

/** The instant the next China-time day starts (for "votes reset at midnight" countdowns). */
export function nextChinaMidnight(at: Date): Date {
  return inChina(at).startOf('day').add(1, 'day').toDate();
}
