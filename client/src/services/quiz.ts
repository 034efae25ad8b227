import type { Envelope, QuizCategory, QuizQuestion } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** The knowledge quiz (知识竞赛) actions of the `contest` function (docs/api.md, contest · quiz). */

export interface QuizAttemptSummary {
  status: 'started' | 'submitted' | 'expired';
  startedAt: string;
  deadline: string;
  score?: number;
  correct?: number;
  total?: number;
  submittedAt?: string;
}

export interface QuizRoundStatus {
  contestId: string;
  contestTitle: string;
  roundKey: string;
  form: string;
  open: boolean;
  window: { start: string; end: string } | null;
  rules: { questionCount: number; timeLimitSeconds: number; graceSeconds: number };
  attempt: QuizAttemptSummary | null;
}

export interface QuizPaper {
  attemptId: string;
  contestId: string;
  roundKey: string;
  startedAt: string;
  deadline: string;
  serverNow: string;
  timeLimitSeconds: number;
  graceSeconds: number;
  /** Never with answers: the server keeps them until the paper is submitted. */
  questions: { id: string; text: string; options: string[]; category: QuizCategory }[];
}

export interface QuizResult {
  score: number;
  correct: number;
  total: number;
  submittedAt: string;
}

export interface BankQuestion extends QuizQuestion {
  _id: string;
  updatedAt: string;
}

export interface ImportPreview {
  rows: number;
  valid: number;
  errors: { row: number; message: string }[];
  errorCount: number;
  questions: (QuizQuestion & { row: number })[];
}

export const quizStatus = (): Promise<Envelope<{ items: QuizRoundStatus[]; serverNow: string }>> => callFunction('contest', { action: 'quizStatus' });

export const quizStart = (contestId: string, roundKey: string): Promise<Envelope<QuizPaper>> => callFunction('contest', { action: 'quizStart', contestId, roundKey });

export const quizSubmit = (contestId: string, roundKey: string, answers: (number | null)[]): Promise<Envelope<QuizResult>> =>
  callFunction('contest', { action: 'quizSubmit', contestId, roundKey, answers });

export const quizBank = (category: QuizCategory | undefined, page = 1): Promise<Envelope<{ items: BankQuestion[]; page: number; hasMore: boolean; total: number }>> =>
  callFunction('contest', { action: 'quizBank', page, ...(category ? { category } : {}) });

export const quizSaveQuestion = (question: QuizQuestion & { questionId?: string }): Promise<Envelope<BankQuestion>> =>
  callFunction('contest', { action: 'quizSaveQuestion', ...question });

export const quizRemoveQuestion = (questionId: string): Promise<Envelope<{ removed: true }>> => callFunction('contest', { action: 'quizRemoveQuestion', questionId });

export const quizTemplate = (): Promise<Envelope<{ fileID: string; url: string }>> => callFunction('contest', { action: 'quizTemplate' });

export const quizImportPreview = (fileId: string): Promise<Envelope<ImportPreview>> => callFunction('contest', { action: 'quizImportPreview', fileId });

export const quizImport = (fileId: string): Promise<Envelope<{ imported: number }>> => callFunction('contest', { action: 'quizImport', fileId });

/**
 * The question being edited, handed from the bank list to the edit page (navigateTo carries only a short
 * query; the list already has the whole question).
 */
let editing: BankQuestion | null = null;
export const setEditingQuestion = (q: BankQuestion | null): void => {
  editing = q;
};
export const takeEditingQuestion = (): BankQuestion | null => {
  const q = editing;
  editing = null;
  return q;
};
