import { chinaDate, chinaDateTime, chinaTime } from './format';

// Residents see China time whatever their phone's zone: voting days and salon dates are China-time days.
describe('dates on residents pages', () => {
  it('shows the China-time day, weekday and time', () => {
    expect(chinaDateTime('2025-11-25T06:30:00Z')).toBe('11月25日（周二）14:30');
  });

  it('moves to the next China day after 16:00 UTC', () => {
    expect(chinaDate('2025-11-25T17:30:00Z')).toBe('2025年11月26日');
    expect(chinaTime(new Date('2025-11-25T17:05:00Z'))).toBe('01:05');
  });
});
