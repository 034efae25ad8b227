import { breakLines, NO_LINE_END, NO_LINE_START } from './line-breaking';

// Every character is 1 unit wide: a width of 10 holds 10 characters.
const measure = (s: string) => Array.from(s).length;
const FORBIDDEN_STARTS = Array.from('。，、；：？！）」');

describe('breakLines (Chinese line-breaking rules)', () => {
  test('plain Chinese text breaks between any two characters, filling each line', () => {
    expect(breakLines(measure, '把闲置车棚改成党群服务驿站老人在这里理发', 10, 5)).toEqual(['把闲置车棚改成党群服', '务驿站老人在这里理发']);
  });

  test.each(FORBIDDEN_STARTS)('no line starts with "%s": it hangs at the end of the line before', (mark) => {
    const text = `一二三四五六七八九十${mark}十一十二`;
    const lines = breakLines(measure, text, 10, 5);
    expect(lines[0]).toBe(`一二三四五六七八九十${mark}`);
    for (const line of lines) expect(NO_LINE_START.has(line[0])).toBe(false);
  });

  test('a closing quote after a full stop hangs too: "。”" stays together at the line end', () => {
    const lines = breakLines(measure, '居民说有事找郑书记心里踏实。”第二段', 13, 5);
    expect(lines[0]).toBe('居民说有事找郑书记心里踏实。”');
    expect(lines[1]).toBe('第二段');
  });

  test('an opening mark never ends a line: it moves down with what it opens', () => {
    const lines = breakLines(measure, '一二三四五六七八九“暖新驿站”冬天有热水', 10, 5);
    expect(lines[0]).toBe('一二三四五六七八九');
    expect(lines[1].startsWith('“暖新驿站”')).toBe(true);
    for (const line of lines) expect(NO_LINE_END.has(line[line.length - 1])).toBe(false);
  });

  test('numbers and Latin words are not split across lines', () => {
    const lines = breakLines(measure, '划细网格一共有 12 个网格员', 9, 5);
    expect(lines.join('|')).not.toMatch(/1\|2/);
    expect(lines.some((l) => l.includes('12'))).toBe(true);
  });

  test('text longer than the lines allowed ends with "…" within the width', () => {
    const lines = breakLines(measure, '一二三四五六七八九十一二三四五六七八九十一二三', 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('一二三四五六七八九…');
    expect(measure(lines[1])).toBeLessThanOrEqual(10);
  });

  test('text that fits is returned whole, with runs of whitespace as one space', () => {
    expect(breakLines(measure, '  共话共商\n\n共育共融 ', 20, 3)).toEqual(['共话共商 共育共融']);
  });

  test('over a long real story no line ever starts with forbidden punctuation', () => {
    const story =
      '推动物业企业成立党支部，停车难、电梯坏在议事会上当场解决。为外卖骑手和快递小哥设“暖新驿站”，冬天有热水，夏天有凉茶！居民说：“有事找书记，心里踏实。”（据街道统计）';
    for (let width = 4; width <= 16; width++) {
      const lines = breakLines(measure, story, width, 100);
      expect(lines.join('')).toBe(story);
      for (const line of lines) expect(FORBIDDEN_STARTS).not.toContain(line[0]);
    }
  });
});
