import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// 人才培育 in Chromium against a seeded local cloud: an admin moves a reserve to 青雁 and sees it there with
// the reason in its history; the demo secretary (郑晓梅, a mentor in both past batches) sees her pairings.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
});

afterAll(closePreview);

test('an admin moves a reserve from 雏雁 to 青雁 and sees it in the 青雁 column with its reason', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  await visible(page, '.adm-index__entry--pipeline').click();
  await visible(page, '.pipeline__streets .adm-chip[data-key="舜玉路"]').click();
  const chu = visible(page, '.pipeline__stage--chu .reserve');
  await chu.first().waitFor();
  const card = chu.first();
  const name = await card.getAttribute('data-name');
  const id = await card.getAttribute('data-reserve');
  expect(name).toBeTruthy();

  await card.locator('.reserve__move').click();
  await card.locator('.reserve__targets .adm-chip[data-key="青雁"]').click();
  await card.locator('.reserve__reason textarea').fill('年度考核优秀，可担任两委成员');
  await card.locator('.reserve__confirm').click();

  const moved = visible(page, `.pipeline__stage--qing .reserve[data-reserve="${id}"]`);
  await moved.waitFor();
  const text = await moved.innerText();
  expect(text).toContain(name!);
  expect(text).toContain('雏雁 → 青雁：年度考核优秀，可担任两委成员');
  await expect(visible(page, `.pipeline__stage--chu .reserve[data-reserve="${id}"]`).count()).resolves.toBe(0);
  // The 青雁 heading counts it: the seed has one 青雁 in 舜玉路, now two.
  await expect(visible(page, '.pipeline__stage--qing .adm-section-title').innerText()).resolves.toContain('青雁（2）');
});

test('a secretary opens 挂职结对 from 我的 and sees her pairings, reports and comments', async () => {
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/pages/mine/index');
  await visible(page, '.mine__entry--pairing').click();
  const cards = visible(page, '.pairing');
  await cards.first().waitFor();
  await expect(cards.count()).resolves.toBe(2);
  const latest = await cards.first().innerText();
  expect(latest).toContain('2026年第二批区内挂职交流');
  expect(latest).toContain('我是带教书记');
  expect(latest).toContain('挂职书记：王建国（杆石桥街道朝阳里社区）');
  expect(latest).toContain('带教点评：上手很快');
  expect(latest).not.toMatch(/1380531|身份证/);
});

test('anyone opens a studio page from 我的 → 书记工作室', async () => {
  await switchIdentity(page, 'demo-resident');
  await open(page, cloud.url, '/pages/mine/index');
  await visible(page, '.mine__entry--studios').click();
  await visible(page, '.studios__item[data-studio="studio-zheng"]').click();
  await visible(page, '.studio__name').waitFor();
  await expect(visible(page, '.studio__name').innerText()).resolves.toBe('郑晓梅书记工作室');
  await expect(visible(page, '.studio__activity').count()).resolves.toBe(3);
});

test('an admin records a studio activity and a resident sees it on the public studio page', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  await visible(page, '.adm-index__entry--studios').click();
  const card = visible(page, '.studio-admin__item[data-studio="studio-zhang"]');
  await card.locator('.studio-admin__record').click();
  await card.locator('.adm-chip[data-key="挂职实训"]').click();
  await card.locator('.studio-admin__title input').fill('网格员跟岗实训');
  await card.locator('.studio-admin__summary textarea').fill('两名挂职书记跟随网格员走访一天。');
  await card.locator('.studio-admin__activity-submit').click();
  // The list reloads after saving: the studio now counts three activities (the seed has two).
  await visible(page, '.studio-admin__item[data-studio="studio-zhang"] .adm-card__meta', { hasText: '活动 3 次' }).waitFor();

  await switchIdentity(page, 'demo-resident');
  await open(page, cloud.url, '/talent/studio/index?id=studio-zhang');
  const first = visible(page, '.studio__activity').first();
  await first.waitFor();
  const text = await first.innerText();
  expect(text).toContain('挂职实训');
  expect(text).toContain('网格员跟岗实训');
});

test('an admin enters a street’s recommendation for the open batch: submit waits for a secretary and a wish, then the street shows it', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/talent/batch/index?id=batch-2026-3');
  const street = visible(page, '.batch__street[data-street="七里山"]');
  const form = street.locator('.batch__recommend');
  const submit = form.locator('.batch__recommend-submit');
  await form.locator('.adm-chip').first().waitFor();
  await expect(submit.getAttribute('class')).resolves.toContain('nut-button-disabled');

  const secretary = form.locator('.adm-chips').first().locator('.adm-chip').first();
  const label = await secretary.innerText();
  await secretary.click();
  await expect(submit.getAttribute('class')).resolves.toContain('nut-button-disabled');
  await form.locator('.batch__wishes input').fill('望岳社区、玉函社区');
  await expect(submit.getAttribute('class')).resolves.not.toContain('nut-button-disabled');
  await submit.click();

  const rec = street.locator('.batch__rec');
  await rec.waitFor();
  const text = await rec.innerText();
  expect(text).toContain(label.split('（')[0]);
  expect(text).toContain('意向：望岳社区、玉函社区');
  await expect(street.locator('.batch__recommend').count()).resolves.toBe(0);
});

test('a secretary enters her street’s recommendation for a batch just opened, and the batch then shows it as made', async () => {
  // The seeded open batch leaves out 大观园 (demo-secretary's street): an admin opens one that includes it.
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/talent/batches/index');
  await visible(page, '.batches__new').click();
  await visible(page, '.batches__title input').fill('2027年第一批区内挂职交流');
  await visible(page, '.batches__open .adm-chip[data-key="大观园"]').click();
  await visible(page, '.batches__submit').click();
  await visible(page, '.batch__street[data-street="大观园"]').waitFor();

  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/talent/pairing/index');
  const batch = visible(page, '.street-recommend__batch', { hasText: '2027年第一批区内挂职交流' });
  const submit = batch.locator('.street-recommend__submit');
  await batch.locator('.talent__choice').first().waitFor();
  await expect(submit.getAttribute('class')).resolves.toContain('nut-button-disabled');

  const secretary = batch.locator('.talent__choices').first().locator('.talent__choice').first();
  const name = (await secretary.innerText()).split('（')[0];
  await secretary.click();
  await batch.locator('.street-recommend__wishes input').fill('望岳社区');
  await expect(submit.getAttribute('class')).resolves.not.toContain('nut-button-disabled');
  await submit.click();

  await batch.locator('.talent__text', { hasText: '已推荐：' }).waitFor();
  const text = await batch.innerText();
  expect(text).toContain(`已推荐：${name}`);
  expect(text).toContain('意向：望岳社区');
});
