import type { ActionMap } from '../shared/action';
import { quizAttemptActions } from './quiz-attempts';
import { quizBankActions } from './quiz-bank';
import { quizImportActions } from './quiz-import';

/**
 * The knowledge quiz (知识竞赛) round: the question bank admins keep (by hand and from Excel) and the
 * contestants' timed, auto-scored attempts. Actions are prefixed `quiz` so they never collide with the
 * other contest modules.
 */
export const quizActions: ActionMap = {
  ...quizBankActions,
  ...quizImportActions,
  ...quizAttemptActions,
};
