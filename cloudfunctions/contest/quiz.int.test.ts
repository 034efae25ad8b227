import { QUIZ_RULES, quizAttemptId, type QuizAttemptDoc } from '@yanzhen/domain';
import { Workbook } from 'exceljs';
import { readAll } from '../test-support/functions-client';
import { snapshot, startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { allKeys, createQuizContest, QUIZ_ROUND, questionSheet, seedBank, setFunctionsClock, storedAttempt, uploadAs } from './quiz-test-support';

/**
 * The knowledge quiz through the functions: the admin's bank (by hand and from Excel, audited), and a
 * contestant's one timed attempt — questions without answers, one submit, nothing after the time, the
 * score stored where the results read it (`quizAttempts.score`). The functions run on a fake clock.
 */
jest.setTimeout(90_000);

const ADMIN = 'demo-admin';
const CONTEST = 'contest-quiz-test';
const CLOSED = 'contest-quiz-closed';
/** The test round's own settings (the closed contest's round uses the defaults). */
const SETTINGS = { questionCount: 6, timeLimitSeconds: 120 };
let h: FunctionHarness;

beforeAll(async () => {
  h = await startFunctionHarness({ seed: false, env: { YANZHEN_FAKE_CLOCK: '1' } });
  await createQuizContest(h.db, CONTEST, { 'quiz-a': 'approved', 'quiz-b': 'approved', 'quiz-c': 'approved', 'quiz-d': 'approved', 'quiz-p': 'pending' }, { quiz: SETTINGS });
  await createQuizContest(h.db, CLOSED, { 'quiz-z': 'approved' }, { closed: true });
  await seedBank(h.db);
}, 60_000);
afterAll(() => h?.stop());

const call = (openid: string, action: string, params: Record<string, unknown> = {}) => h.client.call<Record<string, unknown>>(openid, 'contest', { action, ...params });
const start = (openid: string, contestId = CONTEST) => h.client.call<{ questions: { id: string }[]; deadline: string; startedAt: string }>(openid, 'contest', { action: 'quizStart', contestId, roundKey: QUIZ_ROUND });
const attemptOf = (openid: string, contestId = CONTEST) => storedAttempt(h.db, quizAttemptId(contestId, QUIZ_ROUND, `cand-${contestId}-${openid}`));
const auditOf = (action: string) => readAll<{ action: string; target: string; before: unknown; after: unknown }>(h.db, 'audit', { action });

describe('the question bank', () => {
  it('lets an admin add, edit and remove a question, each change audited', async () => {
    const added = await h.client.data<{ _id: string }>(ADMIN, 'contest', { action: 'quizSaveQuestion', text: '测试题：社区党组织每届任期几年？', options: ['三年', '五年'], answer: 1, category: 'basics' });
    await h.client.data(ADMIN, 'contest', { action: 'quizSaveQuestion', questionId: added._id, text: '测试题：社区党组织每届任期几年？', options: ['三年', '四年', '五年'], answer: 2, category: 'basics' });
    const listed = await h.client.data<{ items: { _id: string; options: string[]; answer: number }[]; total: number }>(ADMIN, 'contest', { action: 'quizBank', category: 'basics' });
    expect(listed.items.find((q) => q._id === added._id)).toMatchObject({ options: ['三年', '四年', '五年'], answer: 2 });
    expect(await call(ADMIN, 'quizRemoveQuestion', { questionId: added._id })).toMatchObject({ ok: true });
    expect(await call(ADMIN, 'quizRemoveQuestion', { questionId: added._id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const entries = [...(await auditOf('contest.quizSaveQuestion')), ...(await auditOf('contest.quizRemoveQuestion'))].filter((e) => e.target === `quizQuestions/${added._id}`);
    expect(entries.map((e) => [e.before === null, e.after === null])).toEqual([[true, false], [false, false], [false, true]]);
  });

  it('refuses a question whose answer is not one of its options, and writes nothing', async () => {
    const before = await snapshot(h.db, ['quizQuestions', 'audit']);
    expect(await call(ADMIN, 'quizSaveQuestion', { text: '没有答案的题', options: ['甲', '乙'], answer: 3, category: 'grid' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await snapshot(h.db, ['quizQuestions', 'audit'])).toEqual(before);
  });
});

describe('importing from Excel', () => {
  const rows = [
    ['导入题一：网格员发现矛盾纠纷首先应当？', '不理会', '就地调解', '', '', '', '', 'B', '网格化治理', ''],
    ['导入题二：红色物业的核心是？', '统一标识', '党建引领', '', '', '', '', 'B', '红色物业建设', '党建引领物业服务'],
  ];

  it('previews every row problem and imports nothing while one row is wrong', async () => {
    const bad = await uploadAs(h, ADMIN, 'quiz-imports/bad.xlsx', await questionSheet([...rows, ['导入题三', '甲', '乙', '', '', '', '', 'D', '组织建设', '']]));
    const preview = await h.client.data<{ valid: number; errors: { row: number; message: string }[] }>(ADMIN, 'contest', { action: 'quizImportPreview', fileId: bad });
    expect(preview).toMatchObject({ valid: 2, errors: [{ row: 4, message: '正确答案 D 没有对应的选项' }] });
    const before = await snapshot(h.db, ['quizQuestions', 'audit']);
    expect(await call(ADMIN, 'quizImport', { fileId: bad })).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { errors: [{ row: 4 }] } } });
    expect(await snapshot(h.db, ['quizQuestions', 'audit'])).toEqual(before);
  });

  it('imports a correct sheet at once, audited, and refuses the same sheet a second time', async () => {
    const good = await uploadAs(h, ADMIN, 'quiz-imports/good.xlsx', await questionSheet(rows));
    const count = (await readAll(h.db, 'quizQuestions', {})).length;
    expect(await call(ADMIN, 'quizImport', { fileId: good })).toMatchObject({ ok: true, data: { imported: 2 } });
    expect((await readAll(h.db, 'quizQuestions', {})).length).toBe(count + 2);
    expect((await auditOf('contest.quizImport')).map((e) => e.after)).toEqual([{ count: 2, fileId: good }]);
    expect(await call(ADMIN, 'quizImport', { fileId: good })).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { errors: [{ row: 2, message: '题库中已有这道题' }, { row: 3 }] } } });
    expect((await readAll(h.db, 'quizQuestions', {})).length).toBe(count + 2);
  });

  it('offers a template with the columns the import reads, and reads only files from the import folder', async () => {
    const { url } = await h.client.data<{ url: string }>(ADMIN, 'contest', { action: 'quizTemplate' });
    const wb = new Workbook();
    await wb.xlsx.load(await (await fetch(url)).arrayBuffer());
    expect((wb.getWorksheet('题库')?.getRow(1).values as unknown[]).slice(1)).toEqual(['题目', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '类别', '解析']);
    const elsewhere = await uploadAs(h, ADMIN, 'showcases/sec-01/sheet.xlsx', await questionSheet(rows));
    expect(await call(ADMIN, 'quizImportPreview', { fileId: elsewhere })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('a contestant\'s attempt', () => {
  it('sends the questions without answers, and a second start resumes the same attempt', async () => {
    const res = await start('quiz-a');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.questions).toHaveLength(SETTINGS.questionCount);
    for (const q of res.data.questions) expect(Object.keys(q).sort()).toEqual(['category', 'id', 'options', 'text']);
    const keys = allKeys(res);
    for (const secret of ['answer', 'answers', 'explanation', 'correct', 'score']) expect(keys.has(secret)).toBe(false);
    expect(new Date(res.data.deadline).getTime() - new Date(res.data.startedAt).getTime()).toBe(SETTINGS.timeLimitSeconds * 1000);

    const stored = (await attemptOf('quiz-a')) as QuizAttemptDoc;
    expect(stored.questions.map((q) => q.id)).toEqual(res.data.questions.map((q) => q.id));
    expect(stored.questions.every((q) => typeof q.answer === 'number')).toBe(true);
    const again = await start('quiz-a');
    expect(again).toMatchObject({ ok: true, data: { startedAt: res.data.startedAt, deadline: res.data.deadline, questions: res.data.questions } });
  });

  it('scores a submission on the server, stores it for the results, and refuses a second one', async () => {
    const stored = (await attemptOf('quiz-a')) as QuizAttemptDoc;
    // Right on the even questions, wrong on the odd ones.
    const answers = stored.questions.map((q, i) => (i % 2 === 0 ? q.answer : (q.answer + 1) % q.options.length));
    expect(await call('quiz-a', 'quizSubmit', { contestId: CONTEST, roundKey: QUIZ_ROUND, answers })).toMatchObject({ ok: true, data: { score: 50, correct: 3, total: 6 } });
    expect(await attemptOf('quiz-a')).toMatchObject({ status: 'submitted', score: 50, answers });

    const before = await snapshot(h.db, ['quizAttempts']);
    const perfect = stored.questions.map((q) => q.answer);
    expect(await call('quiz-a', 'quizSubmit', { contestId: CONTEST, roundKey: QUIZ_ROUND, answers: perfect })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await start('quiz-a')).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await snapshot(h.db, ['quizAttempts'])).toEqual(before);
    expect(await h.client.data('quiz-a', 'contest', { action: 'quizStatus' })).toMatchObject({ items: [{ contestId: CONTEST, roundKey: QUIZ_ROUND, open: true, rules: SETTINGS, attempt: { status: 'submitted', score: 50 } }] });
  });

  it('refuses a submission after the deadline and its grace, and changes nothing; within the grace it counts', async () => {
    expect(await start('quiz-b')).toMatchObject({ ok: true });
    expect(await start('quiz-c')).toMatchObject({ ok: true });
    const late = (await attemptOf('quiz-b')) as QuizAttemptDoc;
    const limitMs = new Date(late.deadline).getTime() + QUIZ_RULES.graceSeconds * 1000 - Date.now();
    try {
      await setFunctionsClock(h, limitMs - 3_000);
      const inGrace = (await attemptOf('quiz-c')) as QuizAttemptDoc;
      expect(await call('quiz-c', 'quizSubmit', { contestId: CONTEST, roundKey: QUIZ_ROUND, answers: inGrace.questions.map((q) => q.answer) })).toMatchObject({ ok: true, data: { score: 100 } });

      await setFunctionsClock(h, limitMs + 1_000);
      const before = await snapshot(h.db, ['quizAttempts']);
      const res = await call('quiz-b', 'quizSubmit', { contestId: CONTEST, roundKey: QUIZ_ROUND, answers: late.questions.map((q) => q.answer) });
      expect(res).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: '答题时间已到，答卷未被接受' } });
      expect(await snapshot(h.db, ['quizAttempts'])).toEqual(before);
      expect(await attemptOf('quiz-b')).not.toHaveProperty('score');
      expect(await h.client.data('quiz-b', 'contest', { action: 'quizStatus' })).toMatchObject({ items: [{ attempt: { status: 'expired' } }] });
    } finally {
      await setFunctionsClock(h, 0);
    }
  });

  it('lets two starts at once make one attempt', async () => {
    const [a, b] = await Promise.all([start('quiz-d'), start('quiz-d')]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.data.questions).toEqual(b.data.questions);
  });

  it('is only for approved contestants, and only while the round is open', async () => {
    expect(await start('quiz-p')).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(await start('quiz-z', CLOSED)).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await attemptOf('quiz-z', CLOSED)).toBeNull();
    expect(await h.client.call('quiz-a', 'contest', { action: 'quizStart', contestId: CONTEST, roundKey: 'speech' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('quiz-p', 'quizSubmit', { contestId: CONTEST, roundKey: QUIZ_ROUND, answers: [0] })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  });
});
