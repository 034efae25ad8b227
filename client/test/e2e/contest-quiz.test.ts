import type { Page } from 'playwright-core';
import { Workbook } from 'exceljs';
import { quizAttemptId, type QuizAttemptDoc } from '@yanzhen/domain';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { connectAdminDb } from '../../../cloudfunctions/test-support/functions-client';
import type { Db } from '../../../cloudfunctions/shared/db-types';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// The knowledge quiz in Chromium against the seeded local cloud: the admin keeps the bank (by hand and from an
// Excel sheet), and an approved contestant (demo-secretary, sec-01 in the current contest, whose quiz round is
// open) takes the quiz from 我的 and sees her score. The phone never receives an answer before submitting.
let cloud: LocalCloud;
let page: Page;
let db: Db;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 20_000 }));
  db = connectAdminDb(cloud.url);
});

afterAll(closePreview);

const confirmModal = (text: RegExp) => visible(page, '.taro-modal__foot').getByText(text).click();

async function questionSheet(rows: string[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('题库');
  ws.addRow(['题目', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '类别', '解析']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an admin adds a question by hand and imports a sheet, after its preview', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/contest/quiz/index');
  await expect(visible(page, '.quiz-bank__total').innerText()).resolves.toContain('共 30 题');

  await visible(page, '.quiz-bank__add').click();
  await visible(page, '.quiz-edit__text textarea').fill('浏览器测试题：社区党组织每届任期几年？');
  const options = visible(page, '.quiz-edit__option input');
  for (const [i, text] of ['三年', '四年', '五年', '六年'].entries()) await options.nth(i).fill(text);
  await visible(page, '.quiz-edit__answer[data-option="2"]').click();
  await visible(page, '.quiz-edit__save').click();
  await visible(page, '.quiz-bank__text', { hasText: '浏览器测试题' }).waitFor();
  await expect(visible(page, '.quiz-bank__total').innerText()).resolves.toContain('共 31 题');

  await visible(page, '.quiz-bank__import').click();
  const bad = await questionSheet([['导入题：网格员发现矛盾首先应当？', '不理会', '就地调解', '', '', '', '', 'C', '网格化治理', '']]);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.quiz-import__pick').click()]);
  await chooser.setFiles({ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
  await expect(visible(page, '.quiz-import__error-row').innerText()).resolves.toBe('第 2 行：正确答案 C 没有对应的选项');
  await expect(visible(page, '.quiz-import__confirm').count()).resolves.toBe(0);

  const good = await questionSheet([['导入题：网格员发现矛盾首先应当？', '不理会', '就地调解', '', '', '', '', 'B', '网格化治理', '']]);
  const [again] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.quiz-import__pick').click()]);
  await again.setFiles({ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await visible(page, '.quiz-import__confirm').click();
  await expect(visible(page, '.quiz-import__done').innerText()).resolves.toContain('已导入 1 道题');
});

test('a contestant takes the quiz from 我的, never receives an answer before submitting, and sees her score', async () => {
  const started: unknown[] = [];
  page.on('response', (res) => {
    if (res.url().endsWith('/api/functions/contest') && res.request().postData()?.includes('"quizStart"')) started.push(res.json());
  });
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/pages/mine/index');
  const entry = visible(page, '.mine__entry--quiz');
  await expect(entry.innerText()).resolves.toContain('知识竞赛');
  await entry.click();
  await expect(visible(page, '.quiz-intro').innerText()).resolves.toContain('每人只能答一次');
  await visible(page, '.quiz-intro__start').click();
  await visible(page, '.quiz-question').waitFor();

  const bodies = JSON.stringify(await Promise.all(started));
  expect(bodies).toContain('"questions"');
  expect(bodies).not.toMatch(/"answer"|"explanation"/);

  const attempt = (await db.collection<QuizAttemptDoc>('quizAttempts').where({ _id: quizAttemptId('contest-current', 'r3', 'cand-sec-01') }).get()).data[0];
  expect(attempt.status).toBe('started');
  // Every answer right but the last, which is left blank.
  for (const [i, q] of attempt.questions.entries()) {
    await expect(visible(page, '.quiz-question').getAttribute('data-question')).resolves.toBe(q.id);
    if (i < attempt.questions.length - 1) {
      await visible(page, `.quiz-option[data-option="${q.answer}"]`).click();
      await visible(page, '.quiz-paper__next').click();
    }
  }
  await visible(page, '.quiz-paper__submit').click();
  await confirmModal(/^提交$/);
  const result = visible(page, '.quiz-result');
  const total = attempt.questions.length;
  await expect(result.innerText()).resolves.toContain(`答对 ${total - 1} / ${total} 题`);
  await expect(visible(page, '.quiz-result__score').innerText()).resolves.toBe(`${Math.round(((total - 1) * 1000) / total) / 10} 分`);

  await open(page, cloud.url, '/pages/mine/index');
  await expect(visible(page, '.mine__entry--quiz').innerText()).resolves.toContain('已提交，得分');
});
