import { categoryFrom, checkQuizSheet, MAX_IMPORT_ROWS, parseQuizRow, QUIZ_COLUMNS, type SheetRow } from './quiz-sheet';

const headers = [...QUIZ_COLUMNS];
const row = (n: number, cells: Record<string, string>): SheetRow => ({ row: n, cells });
const good = (text: string) => ({ 题目: text, 选项A: '甲', 选项B: '乙', 选项C: '丙', 正确答案: 'b', 类别: '网格化治理' });

describe('a sheet row', () => {
  it('becomes a question: options from A, the answer letter as an index, the category by name', () => {
    expect(parseQuizRow({ ...good('题一'), 解析: '因为乙' })).toEqual({
      question: { text: '题一', options: ['甲', '乙', '丙'], answer: 1, category: 'grid', explanation: '因为乙' },
    });
    expect(categoryFrom('党建基础知识')).toBe('basics');
    expect(categoryFrom('党建基础')).toBe('basics');
    expect(categoryFrom('organization')).toBe('organization');
  });

  it('says in the template\'s words what is wrong', () => {
    expect(parseQuizRow({ ...good('题一'), 正确答案: 'E' })).toEqual({ errors: ['正确答案 E 没有对应的选项'] });
    expect(parseQuizRow({ ...good('题一'), 正确答案: '乙' })).toEqual({ errors: ['正确答案请填写一个字母 A–F'] });
    expect(parseQuizRow({ ...good('题一'), 类别: '体育' })).toMatchObject({ errors: [expect.stringContaining('类别须为')] });
    expect(parseQuizRow({ ...good('题一'), 选项B: '' })).toMatchObject({ errors: expect.arrayContaining(['选项须从 A 起连续填写，中间不能空']) });
    expect(parseQuizRow({ ...good(''), 题目: '' })).toMatchObject({ errors: ['请填写题目'] });
    expect(parseQuizRow({ ...good('题一'), 选项B: '甲' })).toMatchObject({ errors: ['选项不能重复'] });
  });
});

describe('a whole sheet', () => {
  it('checks every row and lists all the problems, including repeats in the sheet and in the bank', () => {
    const rows = [row(2, good('题一')), row(3, { ...good('题二'), 正确答案: '' }), row(4, good('题一')), row(5, good('已有的题'))];
    const check = checkQuizSheet(headers, rows, new Set(['已有的题']));
    expect(check.questions.map((q) => q.row)).toEqual([2]);
    expect(check.errors).toEqual([
      { row: 3, message: '正确答案请填写一个字母 A–F' },
      { row: 4, message: '与第 2 行的题目重复' },
      { row: 5, message: '题库中已有这道题' },
    ]);
  });

  it('refuses a sheet without the template\'s columns, an empty one and one too long', () => {
    expect(checkQuizSheet(['题目', '选项A'], [row(2, good('x'))], new Set()).errors[0].message).toContain('缺少列：选项B、正确答案、类别');
    expect(checkQuizSheet(headers, [], new Set()).errors).toEqual([{ row: 2, message: '表格中没有题目' }]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i + 2, good(`题${i}`)));
    expect(checkQuizSheet(headers, many, new Set())).toEqual({ questions: [], errors: [{ row: MAX_IMPORT_ROWS + 2, message: `一次最多导入 ${MAX_IMPORT_ROWS} 道题，请分成几个文件` }] });
  });
});
