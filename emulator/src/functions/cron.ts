/**
 * CloudBase (Tencent SCF) timer-trigger cron, 7 fields: "second minute hour day month weekday year", e.g.
 * `0 0 9 * * * *` = 09:00:00 every day. A field is `*`, a value, a range `a-b`, a list `a,b` or a step `*\/n` /
 * `a-b/n`; months and weekdays also take English abbreviations (JAN, MON; weekday 0 = Sunday). When both day
 * of month and weekday are restricted, either one matching is enough (Unix cron's OR rule, as the platform
 * notes record). The deploy dry-run checks the same grammar (scripts/deploy/cron.ts); this file also matches.
 */
interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly FieldRule[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: WEEKDAYS },
  { name: 'year', min: 1970, max: 2099 },
];

/** The wall-clock fields a cron is matched against (CloudBase reads timers in China time, UTC+8). */
export interface WallClock {
  second: number;
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
  year: number;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

export function chinaWallClock(epochMs: number): WallClock {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  return {
    second: d.getUTCSeconds(),
    minute: d.getUTCMinutes(),
    hour: d.getUTCHours(),
    day: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    weekday: d.getUTCDay(),
    year: d.getUTCFullYear(),
  };
}

function valueOf(token: string, rule: FieldRule, expression: string): number {
  let n = /^\d+$/.test(token) ? Number(token) : -1;
  const index = rule.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index >= 0) n = rule.name === 'month' ? index + 1 : index;
  if (n < rule.min || n > rule.max) throw new Error(`cron "${expression}": ${rule.name} "${token}" is out of range (${rule.min}-${rule.max})`);
  return n;
}

/** Every value a field allows; `restricted` is false for a plain `*`. */
function expandField(field: string, rule: FieldRule, expression: string): { values: Set<number>; restricted: boolean } {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText, extra] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (extra !== undefined || range === '' || !Number.isInteger(step) || step <= 0) throw new Error(`cron "${expression}": ${rule.name} "${field}" is malformed`);
    let [from, to] = [rule.min, rule.max];
    if (range !== '*') {
      const bounds = range.split('-');
      if (bounds.length > 2) throw new Error(`cron "${expression}": ${rule.name} "${field}" is malformed`);
      from = valueOf(bounds[0], rule, expression);
      // `5/10` means from 5 to the end in steps of 10; a plain `5` is just 5.
      to = bounds.length === 2 ? valueOf(bounds[1], rule, expression) : stepText === undefined ? from : rule.max;
      if (from > to) throw new Error(`cron "${expression}": ${rule.name} "${field}" runs backwards`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, restricted: field !== '*' };
}

export class CronSchedule {
  private constructor(
    readonly expression: string,
    private readonly fields: { values: Set<number>; restricted: boolean }[],
  ) {}

  /** Throws an Error saying what is wrong with an invalid expression. */
  static parse(expression: string): CronSchedule {
    const parts = expression.trim().split(/\s+/);
    if (parts.length !== 7) throw new Error(`cron "${expression}" has ${parts.length} fields; CloudBase needs 7 (second minute hour day month weekday year)`);
    return new CronSchedule(expression, parts.map((p, i) => expandField(p, FIELDS[i], expression)));
  }

  matches(t: WallClock): boolean {
    const [second, minute, hour, day, month, weekday, year] = this.fields;
    if (!second.values.has(t.second) || !minute.values.has(t.minute) || !hour.values.has(t.hour)) return false;
    if (!month.values.has(t.month) || !year.values.has(t.year)) return false;
    const dayOk = day.values.has(t.day);
    const weekdayOk = weekday.values.has(t.weekday);
    if (day.restricted && weekday.restricted) return dayOk || weekdayOk;
    return dayOk && weekdayOk;
  }
}
