import { MAX_OPTIONS, OPTION_LETTERS, QUIZ_CATEGORIES, quizQuestionSchema, type QuizQuestion } from '@yanzhen/domain';

/**
 * The question-bank import sheet, row by row (pure: the workbook is read into text cells elsewhere). One
 * question per row; the sheet is imported only when every row is right (all or nothing), so the preview lists
 * every row's problem at once.
 */
export const QUIZ_SHEET = '题库';
export const OPTION_COLUMNS = OPTION_LETTERS.map((l) => `选项${l}`);
export const QUIZ_COLUMNS = ['题目', ...OPTION_COLUMNS, '正确答案', '类别', '解析'] as const;
export const REQUIRED_COLUMNS = ['题目', '选项A', '选项B', '正确答案', '类别'];
/** Rows per import: the rows are written in one transaction (one write each), which must finish in the function's time. */
export const MAX_IMPORT_ROWS = 200;

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  /** Text per column label. */
  cells: Record<string, string>;
}

export interface RowError {
  row: number;
  message: string;
}

/** The category from its name as the template lists it (组织建设 …, 党建基础知识) or its key; '党建基础' too. */
export function categoryFrom(text: string): QuizQuestion['category'] | undefined {
  const t = text.trim();
  if (t === '党建基础') return 'basics';
  return QUIZ_CATEGORIES.find((c) => c.name === t || c.key === t)?.key;
}

/** One row as a question, or the reasons it is not one (in the words of the template). */
export function parseQuizRow(cells: Record<string, string>): { question: QuizQuestion } | { errors: string[] } {
  const get = (label: string) => (cells[label] ?? '').trim();
  const errors: string[] = [];
  const filled = OPTION_COLUMNS.map(get);
  const lastFilled = filled.reduce((last, v, i) => (v ? i : last), -1);
  const options = filled.slice(0, lastFilled + 1);
  if (options.some((o) => !o)) errors.push('选项须从 A 起连续填写，中间不能空');
  const letter = get('正确答案').toUpperCase();
  const answer = OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]);
  if (answer < 0) errors.push(`正确答案请填写一个字母 A–${OPTION_LETTERS[MAX_OPTIONS - 1]}`);
  else if (answer >= options.length) errors.push(`正确答案 ${letter} 没有对应的选项`);
  const category = categoryFrom(get('类别'));
  if (!category) errors.push(`类别须为：${QUIZ_CATEGORIES.map((c) => c.name).join('、')}`);
  const explanation = get('解析');
  const candidate = { text: get('题目'), options, answer: Math.max(answer, 0), category: category ?? 'basics', ...(explanation ? { explanation } : {}) };
  const parsed = quizQuestionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // The answer's and category's own problems are said above in the sheet's words.
      if (issue.path[0] === 'answer' && errors.length > 0) continue;
      if (!errors.includes(issue.message)) errors.push(issue.message);
    }
  }
  return errors.length > 0 || !parsed.success ? { errors } : { question: parsed.data };
}

export interface SheetCheck {
  questions: (QuizQuestion & { row: number })[];
  errors: RowError[];
}

/**
 * Every row checked, plus what only the whole sheet shows: a question twice in the sheet, one already in the
 * bank (so the same file imported twice is refused, not doubled), too many rows, missing columns.
 */
export function checkQuizSheet(headers: string[], rows: SheetRow[], bankTexts: ReadonlySet<string>): SheetCheck {
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) return { questions: [], errors: [{ row: 1, message: `缺少列：${missing.join('、')}（请使用导入模板）` }] };
  if (rows.length === 0) return { questions: [], errors: [{ row: 2, message: '表格中没有题目' }] };
  if (rows.length > MAX_IMPORT_ROWS) return { questions: [], errors: [{ row: rows[MAX_IMPORT_ROWS].row, message: `一次最多导入 ${MAX_IMPORT_ROWS} 道题，请分成几个文件` }] };
  const questions: SheetCheck['questions'] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const result = parseQuizRow(cells);
    if ('errors' in result) {
      errors.push(...result.errors.map((message) => ({ row, message })));
      continue;
    }
    const text = result.question.text;
    if (bankTexts.has(text)) errors.push({ row, message: '题库中已有这道题' });
    else if (seen.has(text)) errors.push({ row, message: `与第 ${seen.get(text)} 行的题目重复` });
    else questions.push({ ...result.question, row });
    seen.set(text, seen.get(text) ?? row);
  }
  return { questions, errors };
}
