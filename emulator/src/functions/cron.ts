/**
 * CloudBase (Tencent SCF) timer-trigger cron, 7 fields: "second minute hour day month weekday year", e.g.
 * `0 0 9 * * * *` = 09:00:00 every day. A field is `*`, a value, a range `a-b`, a list `a,b` or a step `*\/n` /
 * `a-b/n`; months and weekdays also take English abbreviations (JAN, MON; weekday 0 = Sunday). When both day
 * of month and weekday are restricted, either one matching is enough (Unix cron's OR rule, as the platform
 * notes record). One parser serves both the emulator's timers (CronSchedule) and the deploy check of
 * cloudbaserc.json (cronProblem, imported by scripts/deploy/validate.ts), so the two cannot disagree.
 */
interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

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

/** A field's value (a number or, for months and weekdays, an English abbreviation), or null when not allowed. */
function valueOf(token: string, rule: FieldRule): number | null {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= rule.min && n <= rule.max ? n : null;
  }
  const index = rule.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return null;
  return rule.name === 'month' ? index + 1 : index;
}

type ExpandedField = { values: Set<number>; restricted: boolean };

/** Every value a field allows (`restricted` is false for a plain `*`), or a sentence saying what is wrong. */
function expandField(field: string, rule: FieldRule): ExpandedField | string {
  const bad = (why: string) => `${rule.name} "${field}" ${why} (allowed ${rule.min}-${rule.max}${rule.names ? ` or ${rule.names[0]}…` : ''})`;
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') return bad('is malformed');
    if (stepText !== undefined && !(/^\d+$/.test(stepText) && Number(stepText) > 0)) return bad(`is malformed: bad step "${stepText}"`);
    const step = stepText === undefined ? 1 : Number(stepText);
    let [from, to] = [rule.min, rule.max];
    if (range !== '*') {
      const bounds = range.split('-');
      if (bounds.length > 2) return bad('is malformed');
      const ends = bounds.map((b) => valueOf(b, rule));
      if (ends.some((v) => v === null)) return bad('is out of range');
      from = ends[0] as number;
      // `5/10` means from 5 to the end in steps of 10; a plain `5` is just 5.
      to = ends.length === 2 ? (ends[1] as number) : stepText === undefined ? from : rule.max;
      if (from > to) return bad('has a range that runs backwards');
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, restricted: field !== '*' };
}

/** The expanded fields of a valid expression, or a sentence saying what is wrong. */
function parseCron(expression: unknown): ExpandedField[] | string {
  if (typeof expression !== 'string' || expression.trim() === '') return 'the cron expression is missing';
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) {
    return `cron "${expression}" has ${parts.length} fields; CloudBase needs 7 (second minute hour day month weekday year), e.g. "0 0 2 * * * *"`;
  }
  const fields: ExpandedField[] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const field = expandField(parts[i], FIELDS[i]);
    if (typeof field === 'string') return `cron "${expression}": ${field}`;
    fields.push(field);
  }
  return fields;
}

/** Null when `expression` is a valid 7-field CloudBase cron, else a sentence saying what is wrong (the deploy check). */
export function cronProblem(expression: unknown): string | null {
  const parsed = parseCron(expression);
  return typeof parsed === 'string' ? parsed : null;
}

export class CronSchedule {
  private constructor(
    readonly expression: string,
    private readonly fields: ExpandedField[],
  ) {}

  /** Throws an Error saying what is wrong with an invalid expression. */
  static parse(expression: string): CronSchedule {
    const parsed = parseCron(expression);
    if (typeof parsed === 'string') throw new Error(parsed);
    return new CronSchedule(expression, parsed);
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
