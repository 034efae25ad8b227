import { AppError, QUIZ_CATEGORIES, type QuizQuestion } from '@yanzhen/domain';
import { Workbook, type Worksheet } from 'exceljs';
import { cloudPathOf } from '../shared/content-security';
import { cellText, downloadUpload, loadWorkbook, textRows } from '../shared/workbook';
import { MAX_IMPORT_ROWS, QUIZ_COLUMNS, QUIZ_SHEET, type SheetRow } from './quiz-sheet';

/**
 * The question-bank workbooks (exceljs): the template an admin fills in, and reading the file they upload.
 * The admin's phone uploads under `quiz-imports/`, the function reads it (cloudfunctions/shared/workbook.ts).
 */
export const IMPORT_FOLDER = 'quiz-imports/';
/** A sheet of 200 questions is ~30 KB; anything near this is not a question sheet. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const EXAMPLES: QuizQuestion[] = [
  { text: '社区党组织书记“大比武”的六个比武维度中，哪一项关注物业服务？', options: ['组织建设', '红色物业建设', '阵地打造', '网格化治理'], answer: 1, category: 'property', explanation: '示例题，请删除本行' },
  { text: '党的基层组织每届任期一般为几年？', options: ['三年', '四年', '五年'], answer: 2, category: 'basics', explanation: '示例题，请删除本行' },
];

export const LETTERS = 'ABCDEF';

/** The template: the 题库 sheet with its header and two example rows, and a notes sheet listing the categories. */
export async function quizTemplateWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '雁阵 · 区委组织部';
  const ws = wb.addWorksheet(QUIZ_SHEET);
  ws.addRow([...QUIZ_COLUMNS]).font = { bold: true };
  ws.columns = QUIZ_COLUMNS.map((c) => ({ width: c === '题目' ? 48 : c === '解析' ? 30 : c === '类别' ? 20 : 16 }));
  for (const q of EXAMPLES) {
    const options = [...q.options, ...Array<string>(6 - q.options.length).fill('')];
    ws.addRow([q.text, ...options, LETTERS[q.answer], QUIZ_CATEGORIES.find((c) => c.key === q.category)?.name ?? '', q.explanation ?? '']);
  }
  const notes = wb.addWorksheet('填写说明');
  const lines = [
    '1. 每行一道单选题：题目、选项A 至 选项F（至少两个，从 A 起连续填写）、正确答案（填一个字母）、类别；解析可空。',
    `2. 类别填写以下之一：${QUIZ_CATEGORIES.map((c) => c.name).join('、')}。`,
    `3. 一次最多导入 ${MAX_IMPORT_ROWS} 道题；题目不能与题库中已有的题目或本表中其他行重复。`,
    '4. 导入前系统会逐行检查；只要有一行有误，整表都不会导入，请按提示改正后重新上传。',
    '5. 请删除示例行后再导入。',
  ];
  lines.forEach((line, i) => (notes.getCell(i + 1, 1).value = line));
  notes.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 题库 sheet (or the first sheet) as its header labels and non-empty text rows. */
export async function readQuizWorkbook(bytes: Buffer): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const wb = await loadWorkbook(bytes);
  const ws: Worksheet | undefined = wb.getWorksheet(QUIZ_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('invalid-argument', '表格是空的，请使用导入模板');
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  for (let i = 1; i <= Math.max(headerRow.cellCount, QUIZ_COLUMNS.length); i += 1) headers.push(cellText(headerRow.getCell(i)));
  return { headers, rows: textRows(ws, headers) };
}

/** The uploaded file, refused unless it lies in the import folder (an admin's upload, not any file of the env). */
export async function downloadImport(fileId: string): Promise<Buffer> {
  const path = cloudPathOf(fileId) ?? '';
  if (!path.startsWith(IMPORT_FOLDER) || path.includes('..')) throw new AppError('invalid-argument', '请通过“导入题库”页面上传文件');
  return downloadUpload(fileId, MAX_IMPORT_BYTES);
}
