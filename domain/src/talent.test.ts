import { rankForVacancy, recommendationId, RESERVE_STAGES } from './talent';

const r = (name: string, street: '舜玉路' | '七贤', stage: (typeof RESERVE_STAGES)[number], stageSince = '2025-01-01') => ({ name, street, stage, stageSince });

describe('rankForVacancy', () => {
  it("proposes the street's own reserves first, from 头雁 down, the longer-standing first", () => {
    const ranked = rankForVacancy([r('甲', '七贤', '头雁'), r('乙', '舜玉路', '雏雁'), r('丙', '舜玉路', '头雁', '2025-06-01'), r('丁', '舜玉路', '头雁', '2024-03-01'), r('戊', '舜玉路', '青雁')], '舜玉路');
    expect(ranked.map((x) => x.name)).toEqual(['丁', '丙', '戊', '乙', '甲']);
    expect(ranked.map((x) => x.sameStreet)).toEqual([true, true, true, true, false]);
  });
});

describe('recommendationId', () => {
  it('is the same for the same batch and street, and ASCII', () => {
    expect(recommendationId('batch-3', '舜玉路')).toBe('batch-3-st08');
    expect(recommendationId('batch-3', '大观园')).not.toBe(recommendationId('batch-3', '杆石桥'));
  });
});
