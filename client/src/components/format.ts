import { dimensionName, type DimensionKey } from '@yanzhen/domain';

/**
 * Display helpers shared by the residents' pages. Dates are shown in China time (UTC+8) whatever the phone's
 * zone, because voting days and salon dates are China-time days.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number): string => String(n).padStart(2, '0');

function chinaParts(iso: string | Date) {
  const d = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, day: d.getUTCDate(), w: d.getUTCDay(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** `11月25日（周二）14:30` */
export function chinaDateTime(iso: string | Date): string {
  const p = chinaParts(iso);
  return `${p.m}月${p.day}日（周${WEEKDAYS[p.w]}）${pad(p.h)}:${pad(p.min)}`;
}

/** `2025年11月25日` */
export function chinaDate(iso: string | Date): string {
  const p = chinaParts(iso);
  return `${p.y}年${p.m}月${p.day}日`;
}

/** `14:30` */
export function chinaTime(iso: string | Date): string {
  const p = chinaParts(iso);
  return `${pad(p.h)}:${pad(p.min)}`;
}

/** Tag keys → the six dimension names residents know. */
export const tagNames = (tags: readonly DimensionKey[]): string[] => tags.map((t) => dimensionName(t));

/** `大观园` → `大观园街道` (the function stores the bare street name). */
export const streetText = (street: string): string => (street.endsWith('街道') ? street : `${street}街道`);

/** The plainly stated rule, the same words on every page that has a vote button. */
export const voteRuleText = (rule: { perDay: number; perCandidatePerDay: number }): string =>
  `每人每天 ${rule.perDay} 票，同一位书记每天 ${rule.perCandidatePerDay} 票；每天 0 点（北京时间）重置`;
