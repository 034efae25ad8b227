import { chinaWallClock, CronSchedule } from './cron';

const at = (iso: string) => chinaWallClock(Date.parse(iso));

describe('timer cron (7 fields, China time)', () => {
  it('matches 09:00:00 China time every day, which is 01:00 UTC', () => {
    const daily = CronSchedule.parse('0 0 9 * * * *');
    expect(daily.matches(at('2026-12-01T01:00:00Z'))).toBe(true);
    expect(daily.matches(at('2026-12-01T09:00:00Z'))).toBe(false);
    expect(daily.matches(at('2026-12-01T01:00:01Z'))).toBe(false);
  });

  it('reads steps, ranges, lists and names', () => {
    const s = CronSchedule.parse('*/15 0 8-18/2 * JAN,JUL MON-FRI *');
    expect(s.matches(at('2027-01-04T02:00:30Z'))).toBe(true); // Monday 10:00:30 China
    expect(s.matches(at('2027-01-04T02:00:20Z'))).toBe(false);
    expect(s.matches(at('2027-01-04T01:00:30Z'))).toBe(false); // 09:00 is off the 2-hour step
    expect(s.matches(at('2027-01-09T02:00:30Z'))).toBe(false); // Saturday
    expect(s.matches(at('2027-02-01T02:00:30Z'))).toBe(false); // February
  });

  it('takes day of month OR weekday when both are restricted', () => {
    const s = CronSchedule.parse('0 0 0 1 * SUN *');
    expect(s.matches(at('2027-01-31T16:00:00Z'))).toBe(true); // 1 Feb (Monday) 00:00 China
    expect(s.matches(at('2027-02-06T16:00:00Z'))).toBe(true); // Sunday 7 Feb
    expect(s.matches(at('2027-02-07T16:00:00Z'))).toBe(false); // Monday 8 Feb
  });

  it.each([
    ['0 2 * * *', /5 fields/],
    ['0 0 24 * * * *', /hour "24" is out of range/],
    ['0 0 5-2 * * * *', /runs backwards/],
    ['0 0 */0 * * * *', /malformed/],
  ])('refuses %s', (cron, message) => {
    expect(() => CronSchedule.parse(cron)).toThrow(message);
  });
});
