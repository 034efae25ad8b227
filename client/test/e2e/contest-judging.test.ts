import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { connectAdminDb } from '../../../cloudfunctions/test-support/functions-client';
import { userKey } from '../../../cloudfunctions/shared/user-key';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// A judge scores in Chromium against the seeded local cloud: the demo judge judges round 现场述职 of the current
// contest (5 of 17 contestants scored, one recused for her street), scores the next one dimension by dimension,
// and finds the round read-only once the admin has locked it on the set-up page.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
});

afterAll(closePreview);

const SCORE_ID = `contest-current:r1:cand-sec-06:${userKey('demo-judge')}`;

test('我的 leads a judge to her round, with her progress and the automatic recusal', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-judge');
  await visible(page, '.mine__entry--judge').click();
  await visible(page, '.jdg-contestant').nth(16).waitFor();
  await expect(visible(page, '.jdg-progress').innerText()).resolves.toBe('已评 5 / 16 位选手');
  const rows = await visible(page, '.jdg-contestant').allInnerTexts();
  expect(rows[0]).toContain('已评分');
  expect(rows[5]).toContain('未评分');
  expect(rows[16]).toContain('回避（同街道）');
});

test('a judge scores a contestant within the maxima, and the score is saved as hers', async () => {
  await visible(page, '.jdg-contestant').nth(5).click();
  await visible(page, '.jdg-score__name').waitFor();
  const dims = ['organization', 'team', 'position', 'grid', 'property', 'newGroups'];
  const values = ['88', '86', '90', '84', '87', '101'];
  for (const [i, key] of dims.entries()) await visible(page, `.jdg-dim--${key} .jdg-stepper__input input`).fill(values[i]);
  // Above the maximum: said at the dimension and refused on submit.
  await expect(visible(page, '.jdg-dim--newGroups .jdg-dim__error').innerText()).resolves.toBe('不能超过满分 100 分');
  await visible(page, '.jdg-save').click();
  await expect(visible(page, '.jdg-error').innerText()).resolves.toContain('新业态新就业群体党建');
  await visible(page, '.jdg-dim--newGroups .jdg-stepper__input input').fill('85');
  // The stepper: one point up.
  await visible(page, '.jdg-dim--newGroups .jdg-stepper__plus').click();
  await expect(visible(page, '.jdg-dim--newGroups .jdg-stepper__input input').inputValue()).resolves.toBe('86');
  await visible(page, '.jdg-note-input textarea').fill('述职材料扎实');
  await visible(page, '.jdg-save').click();
  await expect(visible(page, '.jdg-saved').innerText()).resolves.toContain('已保存');
  const stored = await connectAdminDb(cloud.url).collection('scores').doc(SCORE_ID).get();
  expect(stored.data).toMatchObject({ dimensions: { organization: 88, team: 86, position: 90, grid: 84, property: 87, newGroups: 86 }, note: '述职材料扎实' });
  // Back on the list: one more scored.
  await page.goBack();
  const progress = await eventually(() => visible(page, '.jdg-progress').innerText(), (t) => t === '已评 6 / 16 位选手');
  expect(progress).toBe('已评 6 / 16 位选手');
});

test('once the admin locks the round, the judge sees her score read-only', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/contest/setup/index');
  await visible(page, '.setup-round--r1 .setup-round__lock').click();
  await visible(page, '.taro-modal__foot').getByText('锁定').click();
  await visible(page, '.taro-modal__foot').getByText('知道了').click();
  await visible(page, '.setup-round--r1', { hasText: '已锁定' }).waitFor();
  await expect(visible(page, '.setup-rule__fixed').count()).resolves.toBe(1);

  await switchIdentity(page, 'demo-judge');
  await open(page, cloud.url, '/judge/score/index?contestId=contest-current&roundKey=r1&candidateId=cand-sec-06');
  await visible(page, '.jdg-locked').waitFor();
  await expect(visible(page, '.jdg-save').count()).resolves.toBe(0);
  await expect(visible(page, '.jdg-dim--organization .jdg-stepper__input input').inputValue()).resolves.toBe('88');
});
