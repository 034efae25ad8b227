import { checkQuizQuestion, ensure, idSchema, QUIZ_CATEGORY_KEYS, quizQuestionFields, type QuizQuestion, type QuizQuestionDoc } from '@yanzhen/domain';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { db } from '../shared/cloud';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';

/**
 * The quiz question bank (知识竞赛题库), kept by admins: list, add or edit, remove. Every change writes its
 * audit entry in the same transaction. Attempts keep a snapshot of the questions they drew, so editing or
 * removing a question never changes a score already given.
 */
export const QUIZ_QUESTIONS = 'quizQuestions';
export const BANK_PAGE_SIZE = 50;
/** The bank is read whole when a contestant starts (to draw from it): keep it to what one read can hold. */
export const MAX_BANK_SIZE = 1000;

/**
 * Ids sort by creation time (base-36 milliseconds, then the row of an import), so the `_id` order of the list is
 * the order of adding; the random tail keeps two admins adding in the same millisecond apart.
 */
export const newQuestionId = (now: Date, seq = 0): string => `q-${now.getTime().toString(36)}${String(seq).padStart(3, '0')}${randomBytes(4).toString('hex')}`;

/** The stored question fields only, in a stable order (what the audit entry shows before and after). */
export function questionFields(q: QuizQuestion): QuizQuestion {
  const out: QuizQuestion = { text: q.text, options: [...q.options], answer: q.answer, category: q.category };
  if (q.explanation) out.explanation = q.explanation;
  return out;
}

export async function bankSize(): Promise<number> {
  return (await db.collection(QUIZ_QUESTIONS).count()).total;
}

const saveInput = z.strictObject({ questionId: idSchema.optional(), ...quizQuestionFields }).superRefine(checkQuizQuestion);

export const quizBankActions: ActionMap = {
  /** The bank, 50 a page in the order added, optionally one category; answers included (admins only). */
  quizBank: action({
    access: 'admin',
    input: z.strictObject({ category: z.enum(QUIZ_CATEGORY_KEYS).optional(), page: z.number().int().min(1).max(1000).default(1) }),
    async run({ category, page }) {
      const where = category ? { category } : {};
      const [rows, counted] = await Promise.all([
        db.collection<QuizQuestionDoc>(QUIZ_QUESTIONS).where(where).orderBy('_id', 'asc').skip((page - 1) * BANK_PAGE_SIZE).limit(BANK_PAGE_SIZE + 1).get(),
        db.collection(QUIZ_QUESTIONS).where(where).count(),
      ]);
      const items = rows.data.slice(0, BANK_PAGE_SIZE).map((q) => ({ _id: q._id, ...questionFields(q), updatedAt: q.updatedAt }));
      return { items, page, hasMore: rows.data.length > BANK_PAGE_SIZE, total: counted.total };
    },
  }),
  /** Adds a question (no `questionId`) or replaces one; audited with the fields before and after. */
  quizSaveQuestion: action({
    access: 'admin',
    input: saveInput,
    async run({ questionId, ...input }, { caller, now }) {
      const fields = questionFields(input);
      if (!questionId) ensure((await bankSize()) < MAX_BANK_SIZE, 'resource-exhausted', `题库最多 ${MAX_BANK_SIZE} 道题，请先删除不用的题目`);
      return inTransaction(async (t) => {
        const id = questionId ?? newQuestionId(now);
        const before = questionId ? await readInTransaction<QuizQuestionDoc>(t, QUIZ_QUESTIONS, id) : undefined;
        ensure(!questionId || before, 'not-found', '找不到这道题，可能已被删除');
        const doc = { ...fields, createdAt: before?.createdAt ?? now, updatedAt: now };
        checked(await t.collection(QUIZ_QUESTIONS).doc(id).set({ data: doc }));
        await auditIn(t, { actor: caller.openid as string, action: 'contest.quizSaveQuestion', target: `${QUIZ_QUESTIONS}/${id}`, before: before ? questionFields(before) : null, after: fields });
        return { _id: id, ...fields, updatedAt: now };
      });
    },
  }),
  /** Removes a question from the bank (attempts already drawn keep their copy); audited. */
  quizRemoveQuestion: action({
    access: 'admin',
    input: z.strictObject({ questionId: idSchema }),
    async run({ questionId }, { caller }) {
      return inTransaction(async (t) => {
        const before = await readInTransaction<QuizQuestionDoc>(t, QUIZ_QUESTIONS, questionId);
        ensure(before, 'not-found', '找不到这道题，可能已被删除');
        checked(await t.collection(QUIZ_QUESTIONS).doc(questionId).remove());
        await auditIn(t, { actor: caller.openid as string, action: 'contest.quizRemoveQuestion', target: `${QUIZ_QUESTIONS}/${questionId}`, before: questionFields(before), after: null });
        return { questionId, removed: true };
      });
    },
  }),
};
