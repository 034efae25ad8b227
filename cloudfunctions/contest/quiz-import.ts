import { AppError, ensure, type QuizQuestionDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { readAll } from '../shared/read-all';
import { checked, inTransaction } from '../shared/transaction';
import { MAX_BANK_SIZE, newQuestionId, questionFields, QUIZ_QUESTIONS } from './quiz-bank';
import { checkQuizSheet, type SheetCheck } from './quiz-sheet';
import { downloadImport, quizTemplateWorkbook, readQuizWorkbook } from './quiz-workbook';
import { publishFile } from '../shared/workbook';

/**
 * Importing questions from Excel: the template, a preview that lists every row's problem, and the import
 * itself, all or nothing (every question and the audit entry in one transaction; any bad row refuses all).
 */
const fileIdSchema = z.string().trim().min(1).max(256).regex(/^cloud:\/\//, '请先上传文件');
/** Errors a preview lists (a sheet with more has the same mistake on every row: the first ones say it). */
const MAX_LISTED_ERRORS = 50;

async function checkUpload(fileId: string): Promise<SheetCheck> {
  const [{ headers, rows }, bank] = await Promise.all([
    downloadImport(fileId).then(readQuizWorkbook),
    readAll<Pick<QuizQuestionDoc, '_id' | 'text'>>(QUIZ_QUESTIONS, {}, { field: { _id: true, text: true } }),
  ]);
  const check = checkQuizSheet(headers, rows, new Set(bank.map((q) => q.text)));
  if (bank.length + check.questions.length > MAX_BANK_SIZE) {
    check.errors.push({ row: 1, message: `题库最多 ${MAX_BANK_SIZE} 道题，现有 ${bank.length} 道，本表 ${check.questions.length} 道` });
  }
  return check;
}

export const quizImportActions: ActionMap = {
  /** The import template as a temporary download URL. */
  quizTemplate: action({
    access: 'admin',
    input: z.strictObject({}),
    async run() {
      const { fileID, tempFileURL } = await publishFile('quiz-templates/知识竞赛题库导入模板.xlsx', await quizTemplateWorkbook());
      return { fileID, url: tempFileURL };
    },
  }),
  /** What importing the uploaded sheet would do: the questions it holds and every row's problem. Writes nothing. */
  quizImportPreview: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema }),
    async run({ fileId }) {
      const { questions, errors } = await checkUpload(fileId);
      return {
        rows: questions.length + new Set(errors.map((e) => e.row)).size,
        valid: questions.length,
        errors: errors.slice(0, MAX_LISTED_ERRORS),
        errorCount: errors.length,
        questions: questions.map(({ row, ...q }) => ({ row, ...questionFields(q) })),
      };
    },
  }),
  /** Imports the sheet when every row is right; otherwise `invalid-argument` with the row errors and no change. */
  quizImport: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema }),
    async run({ fileId }, { caller, now }) {
      const { questions, errors } = await checkUpload(fileId);
      if (errors.length > 0) throw new AppError('invalid-argument', `表格中有 ${errors.length} 处错误，未导入任何题目，请改正后重新上传`, { errors: errors.slice(0, MAX_LISTED_ERRORS) });
      ensure(questions.length > 0, 'invalid-argument', '表格中没有题目');
      const ids = await inTransaction(async (t) => {
        const written: string[] = [];
        for (const [i, q] of questions.entries()) {
          const id = newQuestionId(now, i);
          checked(await t.collection(QUIZ_QUESTIONS).doc(id).set({ data: { ...questionFields(q), createdAt: now, updatedAt: now } }));
          written.push(id);
        }
        await auditIn(t, { actor: caller.openid as string, action: 'contest.quizImport', target: QUIZ_QUESTIONS, before: null, after: { count: questions.length, fileId } });
        return written;
      });
      return { imported: ids.length, questionIds: ids };
    },
  }),
};
