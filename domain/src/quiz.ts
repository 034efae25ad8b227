import { z } from 'zod';
import { DIMENSIONS, type ContestRound, type DimensionKey } from './contest';

/**
 * The knowledge quiz (知识竞赛) round of a contest: a question bank the admin keeps, a timed attempt per
 * contestant, scored here (pure) so that the score a contestant sees and the one the results use are the
 * same computation. The answer key stays on the server until the attempt is submitted.
 */

/** A question's category: one of the six contest dimensions, or party-building basics. */
export const QUIZ_CATEGORIES: { key: QuizCategory; name: string }[] = [...DIMENSIONS.map((d) => ({ key: d.key, name: d.name })), { key: 'basics', name: '党建基础知识' }];
export type QuizCategory = DimensionKey | 'basics';
export const QUIZ_CATEGORY_KEYS = QUIZ_CATEGORIES.map((c) => c.key) as [QuizCategory, ...QuizCategory[]];
export const quizCategoryName = (key: string): string => QUIZ_CATEGORIES.find((c) => c.key === key)?.name ?? key;

/** The rules of an attempt when the round sets none (ContestRound.quiz), stated on the quiz page before a contestant starts. */
export const QUIZ_RULES = {
  /** Questions drawn at random from the bank for each contestant (fewer when the bank is smaller). */
  questionCount: 10,
  /** Time allowed per question when the round states no time limit: the attempt has questionCount × this. */
  secondsPerQuestion: 30,
  /** A submit that reaches the server this long after the deadline still counts (network latency). */
  graceSeconds: 10,
} as const;

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const MAX_OPTIONS = OPTION_LETTERS.length;

const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);

/** The fields of a multiple-choice question with exactly one right option (`answer` is its index). */
export const quizQuestionFields = {
  text: text(300, '题目'),
  options: z.array(text(100, '选项')).min(2, '至少两个选项').max(MAX_OPTIONS, `最多 ${MAX_OPTIONS} 个选项`),
  answer: z.number().int().min(0).max(MAX_OPTIONS - 1),
  category: z.enum(QUIZ_CATEGORY_KEYS),
  explanation: z.string().trim().max(300, '解析不超过 300 字').optional(),
};

/** The checks across fields, for every schema built from `quizQuestionFields` (zod cannot extend a refined object). */
export function checkQuizQuestion(q: { options: string[]; answer: number }, ctx: z.RefinementCtx): void {
  if (q.answer >= q.options.length) ctx.addIssue({ code: 'custom', message: '正确答案必须是其中一个选项', path: ['answer'] });
  if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', message: '选项不能重复', path: ['options'] });
}

export const quizQuestionSchema = z.strictObject(quizQuestionFields).superRefine(checkQuizQuestion);

export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export interface QuizQuestionDoc extends QuizQuestion {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a contestant's phone receives of a question: never the answer or the explanation. */
export interface QuizQuestionForContestant {
  id: string;
  text: string;
  options: string[];
  category: QuizCategory;
}

export const forContestant = (q: Pick<QuizQuestionDoc, '_id' | 'text' | 'options' | 'category'>): QuizQuestionForContestant => ({
  id: q._id,
  text: q.text,
  options: [...q.options],
  category: q.category,
});

/** One attempt per contestant and quiz round: its id says so, so a second start or submit finds the first. */
export const quizAttemptId = (contestId: string, roundKey: string, candidateId: string): string => `${contestId}:${roundKey}:${candidateId}`;

export interface QuizAttemptDoc {
  _id: string;
  contestId: string;
  roundKey: string;
  candidateId: string;
  secretaryId: string;
  /** The questions as drawn (a snapshot: editing or removing a bank question later does not change a score). */
  questions: (QuizQuestionForContestant & { answer: number })[];
  startedAt: Date;
  deadline: Date;
  /** The grace stated when the attempt started (a later change of the rule does not move its end). */
  graceSeconds: number;
  status: 'started' | 'submitted';
  /** Set on submission only: the chosen option per question (null = left blank). */
  answers?: (number | null)[];
  correct?: number;
  /** 0–100; what the results read (an attempt without a score was never submitted in time). */
  score?: number;
  submittedAt?: Date;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** 0–100, rounded to one decimal. */
  score: number;
}

/** The score of an attempt: the share of right answers, 0–100. Blank or out-of-range choices are wrong. */
export function scoreAttempt(key: readonly number[], answers: readonly (number | null)[]): QuizScore {
  const total = key.length;
  const correct = key.filter((right, i) => answers[i] === right).length;
  const score = total === 0 ? 0 : Math.round((correct * 1000) / total) / 10;
  return { correct, total, score };
}

export interface QuizSettings {
  questionCount: number;
  /** For the whole attempt. */
  timeLimitSeconds: number;
  graceSeconds: number;
}

/** A quiz round's settings (set up with the contest), or the defaults above. */
export function quizSettingsOf(round: Pick<ContestRound, 'quiz'>): QuizSettings {
  const questionCount = round.quiz?.questionCount ?? QUIZ_RULES.questionCount;
  return { questionCount, timeLimitSeconds: round.quiz?.timeLimitSeconds ?? questionCount * QUIZ_RULES.secondsPerQuestion, graceSeconds: QUIZ_RULES.graceSeconds };
}

/** The time for `drawn` questions: the round's limit, shortened in proportion when the bank had fewer questions. */
export const quizTimeLimit = (settings: QuizSettings, drawn: number): number =>
  drawn >= settings.questionCount ? settings.timeLimitSeconds : Math.ceil((settings.timeLimitSeconds * drawn) / settings.questionCount);

/** The deadline of an attempt started at `startedAt` with `timeLimitSeconds` to answer. */
export const quizDeadline = (startedAt: Date, timeLimitSeconds: number): Date => new Date(startedAt.getTime() + timeLimitSeconds * 1000);

/** Whether a submission arriving at `now` still counts (deadline plus the stated grace). */
export const submittedInTime = (deadline: Date, now: Date, graceSeconds: number = QUIZ_RULES.graceSeconds): boolean =>
  now.getTime() <= deadline.getTime() + graceSeconds * 1000;

/**
 * `count` distinct items drawn uniformly at random (a partial Fisher–Yates shuffle); `random` is injectable so
 * tests can fix the draw. Fewer when there are fewer items.
 */
export function drawQuestions<T>(items: readonly T[], count: number, random: () => number = Math.random): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
