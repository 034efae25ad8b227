/**
 * Timer-trigger cron expressions as CloudBase (Tencent SCF) reads them: 7 fields, "sec min hour day month
 * weekday year", e.g. `0 0 2 1 * * *` = 02:00 on the 1st of every month. Each field takes `*`, a value, a range
 * `a-b`, a list `a,b` and a step `*\/n` or `a-b/n`; months and weekdays also take English abbreviations.
 * A 5- or 6-field Unix cron (the usual mistake) is refused with a message saying so.
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

function valueOf(token: string, rule: FieldRule): number | null {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= rule.min && n <= rule.max ? n : null;
  }
  const index = rule.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return null;
  return rule.name === 'month' ? index + 1 : index;
}

/** The problem with one field, or null. */
function fieldProblem(field: string, rule: FieldRule): string | null {
  const bad = (why: string) => `${rule.name} "${field}" ${why} (allowed ${rule.min}-${rule.max}${rule.names ? ` or ${rule.names[0]}…` : ''})`;
  for (const part of field.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || range === '') return bad('is malformed');
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return bad(`has a bad step "${step}"`);
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return bad('is malformed');
    const values = bounds.map((b) => valueOf(b, rule));
    if (values.some((v) => v === null)) return bad('is out of range');
    if (values.length === 2 && (values[0] as number) > (values[1] as number)) return bad('has a range that runs backwards');
  }
  return null;
}

/** Null when `expression` is a valid 7-field CloudBase cron, else a sentence saying what is wrong. */
export function cronProblem(expression: unknown): string | null {
  if (typeof expression !== 'string' || expression.trim() === '') return 'the cron expression is missing';
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) {
    return `cron "${expression}" has ${fields.length} fields; CloudBase needs 7 (second minute hour day month weekday year), e.g. "0 0 2 * * * *"`;
  }
  for (let i = 0; i < FIELDS.length; i++) {
    const problem = fieldProblem(fields[i], FIELDS[i]);
    if (problem) return `cron "${expression}": ${problem}`;
  }
  return null;
}
