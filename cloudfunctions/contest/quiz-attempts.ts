import {
  drawQuestions, ensure, forContestant, idSchema, MAX_OPTIONS, quizAttemptId, quizDeadline, quizSettingsOf, quizTimeLimit, scoreAttempt, submittedInTime,
  type CandidateDoc, type ContestDoc, type QuizAttemptDoc, type QuizQuestionDoc,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, boundSecretaryId, type ActionContext, type ActionMap } from '../shared/action';
import { _, db, readDoc } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { QUIZ_QUESTIONS } from './quiz-bank';
import { isQuizOpen, quizRound, quizRoundsOf } from './quiz-rounds';

/**
 * A contestant's quiz attempt: start once while the round is open (questions drawn on the server, sent
 * without answers, a deadline set), submit once before the deadline (plus a stated grace for the network),
 * scored on the server. The attempt's id is `<contestId>:<roundKey>:<candidateId>`, so a second start finds
 * the first (and resumes it: same questions, same deadline), and a second submit is refused.
 */
export const QUIZ_ATTEMPTS = 'quizAttempts';

/** The caller's approved candidacy in the contest; only approved contestants take the quiz. */
async function myCandidacy(ctx: ActionContext, contestId: string): Promise<CandidateDoc> {
  const secretaryId = boundSecretaryId(ctx);
  const found = await db.collection<CandidateDoc>('candidates').where({ contestId, secretaryId, status: 'approved' }).limit(1).get();
  ensure(found.data[0], 'permission-denied', '只有审核通过的参赛书记才能参加知识竞赛');
  return found.data[0];
}

/** What the phone gets to take the quiz: the questions without their answers, and the clock. */
function attemptForPhone(a: QuizAttemptDoc, now: Date) {
  return {
    attemptId: a._id,
    contestId: a.contestId,
    roundKey: a.roundKey,
    startedAt: a.startedAt,
    deadline: a.deadline,
    serverNow: now,
    timeLimitSeconds: Math.round((new Date(a.deadline).getTime() - new Date(a.startedAt).getTime()) / 1000),
    graceSeconds: a.graceSeconds,
    questions: a.questions.map((q) => forContestant({ _id: q.id, text: q.text, options: q.options, category: q.category })),
  };
}

/** An attempt that exists already: resume it while its time runs, else say why it cannot be taken again. */
function resume(a: QuizAttemptDoc, now: Date) {
  ensure(a.status !== 'submitted', 'failed-precondition', `您已提交答卷（${a.score ?? 0} 分），每人只能答一次`);
  ensure(submittedInTime(new Date(a.deadline), now, a.graceSeconds), 'failed-precondition', '答题时间已到，每人只能答一次');
  return attemptForPhone(a, now);
}

/** The attempt's state as the quiz page and 我的 show it; no questions, no answers. */
function attemptSummary(a: QuizAttemptDoc | undefined, now: Date) {
  if (!a) return null;
  const expired = a.status !== 'submitted' && !submittedInTime(new Date(a.deadline), now, a.graceSeconds);
  return {
    status: expired ? ('expired' as const) : a.status,
    startedAt: a.startedAt,
    deadline: a.deadline,
    ...(a.status === 'submitted' ? { score: a.score ?? 0, correct: a.correct ?? 0, total: a.questions.length, submittedAt: a.submittedAt } : {}),
  };
}

const roundInput = z.strictObject({ contestId: idSchema, roundKey: idSchema });

export const quizAttemptActions: ActionMap = {
  /** The quiz rounds of the contests the caller is an approved contestant in, with her attempt's state. */
  quizStatus: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      const secretaryId = ctx.profile?.secretaryId;
      if (!secretaryId) return { items: [] };
      const candidacies = await readAll<CandidateDoc>('candidates', { secretaryId, status: 'approved' });
      const contests = candidacies.length ? await readAll<ContestDoc>('contests', { _id: _.in(candidacies.map((c) => c.contestId)) }) : [];
      const bankCount = (await db.collection(QUIZ_QUESTIONS).count()).total;
      const rows = contests.flatMap((contest) => {
        const candidate = candidacies.find((c) => c.contestId === contest._id) as CandidateDoc;
        return quizRoundsOf(contest).map((round) => ({ contest, round, attemptId: quizAttemptId(contest._id, round.key, candidate._id) }));
      });
      const attempts = await Promise.all(rows.map((r) => readDoc<QuizAttemptDoc>(QUIZ_ATTEMPTS, r.attemptId)));
      const items = rows.map(({ contest, round }, i) => {
        const settings = quizSettingsOf(round);
        const questionCount = Math.min(settings.questionCount, bankCount);
        return {
          contestId: contest._id,
          contestTitle: contest.title,
          roundKey: round.key,
          form: round.form,
          open: isQuizOpen(contest, round, ctx.now),
          window: contest.scoring ?? null,
          rules: { questionCount, timeLimitSeconds: quizTimeLimit(settings, questionCount), graceSeconds: settings.graceSeconds },
          attempt: attemptSummary(attempts[i], ctx.now),
        };
      });
      return { items, serverNow: ctx.now };
    },
  }),
  /** Starts (or resumes) the caller's attempt: questions without answers, the deadline and the server's time. */
  quizStart: action({
    access: 'secretary',
    input: roundInput,
    async run({ contestId, roundKey }, ctx) {
      const contest = await loadContest(contestId);
      const round = quizRound(contest, roundKey);
      const candidate = await myCandidacy(ctx, contestId);
      const attemptId = quizAttemptId(contestId, roundKey, candidate._id);
      const existing = await readDoc<QuizAttemptDoc>(QUIZ_ATTEMPTS, attemptId);
      if (existing) return resume(existing, ctx.now);
      ensure(isQuizOpen(contest, round, ctx.now), 'failed-precondition', '知识竞赛不在答题时间内');
      const bank = await readAll<QuizQuestionDoc>(QUIZ_QUESTIONS, {});
      ensure(bank.length > 0, 'failed-precondition', '题库中还没有题目，请联系区委组织部');
      const settings = quizSettingsOf(round);
      const drawn = drawQuestions(bank, settings.questionCount);
      const attempt: QuizAttemptDoc = {
        _id: attemptId,
        contestId,
        roundKey,
        candidateId: candidate._id,
        secretaryId: candidate.secretaryId,
        questions: drawn.map((q) => ({ ...forContestant(q), answer: q.answer })),
        startedAt: ctx.now,
        deadline: quizDeadline(ctx.now, quizTimeLimit(settings, drawn.length)),
        graceSeconds: settings.graceSeconds,
        status: 'started',
      };
      // Two starts at once (a double tap): both write the same id, one conflicts, retries and resumes the other's.
      return inTransaction(async (t) => {
        const raced = await readInTransaction<QuizAttemptDoc>(t, QUIZ_ATTEMPTS, attemptId);
        if (raced) return resume(raced, ctx.now);
        const { _id, ...data } = attempt;
        checked(await t.collection(QUIZ_ATTEMPTS).doc(_id).set({ data }));
        return attemptForPhone(attempt, ctx.now);
      });
    },
  }),
  /** Submits the answers once, in time; answers the score. A refused submit changes nothing. */
  quizSubmit: action({
    access: 'secretary',
    input: roundInput.extend({ answers: z.array(z.number().int().min(0).max(MAX_OPTIONS - 1).nullable()).min(1).max(50) }),
    async run({ contestId, roundKey, answers }, ctx) {
      const contest = await loadContest(contestId);
      const round = quizRound(contest, roundKey);
      ensure(!round.locked, 'failed-precondition', '本轮已锁定，不再接受答卷');
      const candidate = await myCandidacy(ctx, contestId);
      const attemptId = quizAttemptId(contestId, roundKey, candidate._id);
      return inTransaction(async (t) => {
        const a = await readInTransaction<QuizAttemptDoc>(t, QUIZ_ATTEMPTS, attemptId);
        ensure(a, 'failed-precondition', '请先开始答题');
        ensure(a.status !== 'submitted', 'failed-precondition', '您已提交过答卷，不能再次提交');
        ensure(submittedInTime(new Date(a.deadline), ctx.now, a.graceSeconds), 'failed-precondition', '答题时间已到，答卷未被接受');
        ensure(answers.length === a.questions.length, 'invalid-argument', `请按题目顺序提交 ${a.questions.length} 个答案`);
        const { correct, total, score } = scoreAttempt(a.questions.map((q) => q.answer), answers);
        checked(await t.collection(QUIZ_ATTEMPTS).doc(attemptId).update({ data: { status: 'submitted', answers, correct, score, submittedAt: ctx.now } }));
        return { attemptId, score, correct, total, submittedAt: ctx.now };
      });
    },
  }),
};
