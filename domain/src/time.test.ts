import { chinaDay, nextChinaMidnight } from './time';

describe('China-time days', () => {
  it('counts 23:30 UTC as the next day in China', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
  it('finds the next China midnight', () => {
    expect(nextChinaMidnight(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(nextChinaMidnight(new Date('2026-11-25T16:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });
});
