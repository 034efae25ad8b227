import { dimensionName, inChina, type DimensionKey } from '@yanzhen/domain';

/**
 * Display helpers shared by the residents' pages. Dates are shown in China time (UTC+8) whatever the phone's
 * zone, because voting days and salon dates are China-time days (dayjs, through the domain's `inChina`).
 */
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月25日（周二）14:30` */
export function chinaDateTime(iso: string | Date): string {
  const d = inChina(iso);
  return `${d.format('M月D日')}（周${WEEKDAYS[d.day()]}）${d.format('HH:mm')}`;
}

/** `2025年11月25日` */
export function chinaDate(iso: string | Date): string {
  return inChina(iso).format('YYYY年M月D日');
}

/** `14:30` */
export function chinaTime(iso: string | Date): string {
  return inChina(iso).format('HH:mm');
}

/** Tag keys → the six dimension names residents know. */
export const tagNames = (tags: readonly DimensionKey[]): string[] => tags.map((t) => dimensionName(t));

/** `大观园` → `大观园街道` (the function stores the bare street name). */
export const streetText = (street: string): string => (street.endsWith('街道') ? street : `${street}街道`);

/** The plainly stated rule, the same words on every page that has a vote button. */
export const voteRuleText = (rule: { perDay: number; perCandidatePerDay: number }): string =>
  `每人每天 ${rule.perDay} 票，同一位书记每天 ${rule.perCandidatePerDay} 票；每天 0 点（北京时间）重置`;
