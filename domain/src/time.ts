/** Voting days and salon dates are China time (UTC+8, no daylight saving), whatever the server's zone. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** `2026-11-25` for the China-time day that contains `at`. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the next China-time day starts (for "votes reset at midnight" countdowns). */
export function nextChinaMidnight(at: Date): Date {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  shifted.setUTCHours(24, 0, 0, 0);
  return new Date(shifted.getTime() - CHINA_OFFSET_MS);
}
