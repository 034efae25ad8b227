import { drawQuestions, forContestant, quizAttemptId, quizDeadline, quizQuestionSchema, QUIZ_RULES, quizSettingsOf, quizTimeLimit, scoreAttempt, submittedInTime } from './quiz';

describe('scoring an attempt', () => {
  it('gives the share of right answers on a 0–100 scale', () => {
    expect(scoreAttempt([0, 1, 2, 3], [0, 1, 2, 3])).toEqual({ correct: 4, total: 4, score: 100 });
    expect(scoreAttempt([0, 1, 2, 3], [0, 1, 0, 0])).toEqual({ correct: 2, total: 4, score: 50 });
    expect(scoreAttempt([0, 1, 2, 3], [3, 2, 1, 0])).toEqual({ correct: 0, total: 4, score: 0 });
  });

  it('counts blank, missing and out-of-range choices as wrong', () => {
    expect(scoreAttempt([1, 1, 1], [null, 1, 5])).toEqual({ correct: 1, total: 3, score: 33.3 });
    expect(scoreAttempt([1, 1, 1], [1])).toEqual({ correct: 1, total: 3, score: 33.3 });
    expect(scoreAttempt([0, 0, 0], [0, 0])).toEqual({ correct: 2, total: 3, score: 66.7 });
  });

  it('scores an empty quiz 0 rather than dividing by zero', () => {
    expect(scoreAttempt([], [])).toEqual({ correct: 0, total: 0, score: 0 });
  });
});

describe('the clock of an attempt', () => {
  const started = new Date('2026-05-01T02:00:00Z');
  it('takes the round\'s settings, or the stated seconds per question', () => {
    expect(quizSettingsOf({})).toEqual({ questionCount: 10, timeLimitSeconds: 10 * QUIZ_RULES.secondsPerQuestion, graceSeconds: QUIZ_RULES.graceSeconds });
    expect(quizSettingsOf({ quiz: { questionCount: 20, timeLimitSeconds: 900 } })).toMatchObject({ questionCount: 20, timeLimitSeconds: 900 });
    // A bank of 5 for a 20-question round: a quarter of the time.
    expect(quizTimeLimit(quizSettingsOf({ quiz: { questionCount: 20, timeLimitSeconds: 900 } }), 5)).toBe(225);
  });

  it('allows the time limit, then the grace', () => {
    const deadline = quizDeadline(started, 300);
    expect(deadline.getTime() - started.getTime()).toBe(300_000);
    expect(submittedInTime(deadline, new Date(deadline.getTime() + QUIZ_RULES.graceSeconds * 1000))).toBe(true);
    expect(submittedInTime(deadline, new Date(deadline.getTime() + QUIZ_RULES.graceSeconds * 1000 + 1))).toBe(false);
  });
});

describe('drawing questions', () => {
  const bank = Array.from({ length: 30 }, (_, i) => i);
  it('draws distinct questions from the bank, all of them when the bank is small', () => {
    const drawn = drawQuestions(bank, 10);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn).size).toBe(10);
    for (const q of drawn) expect(bank).toContain(q);
    expect(drawQuestions([1, 2, 3], 10).sort()).toEqual([1, 2, 3]);
  });

  it('gives every question a chance (not always the first ones)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i += 1) for (const q of drawQuestions(bank, 10)) seen.add(q);
    expect(seen.size).toBe(30);
  });
});

describe('questions', () => {
  const valid = { text: '党的基层组织每届任期一般为几年？', options: ['三年', '五年'], answer: 1, category: 'basics' };
  it('accepts a single-answer question and refuses an answer without an option, repeated options, unknown categories', () => {
    expect(quizQuestionSchema.safeParse(valid).success).toBe(true);
    expect(quizQuestionSchema.safeParse({ ...valid, answer: 2 }).success).toBe(false);
    expect(quizQuestionSchema.safeParse({ ...valid, options: ['三年', '三年'] }).success).toBe(false);
    expect(quizQuestionSchema.safeParse({ ...valid, options: ['三年'] }).success).toBe(false);
    expect(quizQuestionSchema.safeParse({ ...valid, category: 'sports' }).success).toBe(false);
  });

  it('sends a contestant the question without its answer or explanation', () => {
    const sent = forContestant({ _id: 'q-1', ...valid, category: 'basics', explanation: '五年' } as never);
    expect(sent).toEqual({ id: 'q-1', text: valid.text, options: valid.options, category: 'basics' });
  });

  it('names an attempt by contest, round and candidate', () => {
    expect(quizAttemptId('contest-current', 'quiz', 'cand-sec-01')).toBe('contest-current:quiz:cand-sec-01');
  });
});
