import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// Issue 3's journey in Chromium against a seeded local cloud: the admin issues a binding code for 王建国 (sec-02,
// 杆石桥街道, unbound in the demo data), the resident enters it on 我的 and becomes a 社区书记. One page, steps in order.
let cloud: LocalCloud;
let page: Page;
let code = '';

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
});

afterAll(closePreview);

const mineEntries = () => page.locator('.mine__entries').innerText();

test('the admin opens 管理后台 from 我的 and issues a binding code for a secretary', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-admin');
  await page.getByText('身份信息').waitFor();
  await visible(page, '.mine__entry--admin').click();
  await page.locator('.adm-index__entry--bindings').click();

  await page.locator('.bindings__streets .adm-chip[data-key="杆石桥"]').click();
  const card = page.locator('.binding[data-secretary="sec-02"]');
  await card.getByText('王建国').waitFor();
  // The filter shows only 杆石桥's record.
  await expect(page.locator('.bindings__list .binding').count()).resolves.toBe(1);
  await expect(card.locator('.adm-badge').innerText()).resolves.toBe('未绑定');
  await card.locator('.binding__issue').click();

  const value = card.locator('.adm-code__value');
  await value.waitFor();
  code = (await value.innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-\d{6}$/);
  const shown = await card.innerText();
  expect(shown).toContain('王建国（朝阳里社区）的绑定码');
  expect(shown).toMatch(/有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(shown).toContain('请当面交给本人');
  expect(shown).toContain('重新发放绑定码');
});

test('a resident does not see 管理后台, and a wrong code tells how many tries are left', async () => {
  await switchIdentity(page, 'demo-resident');
  await open(page, cloud.url, '/pages/mine/index');
  await page.getByText('身份信息').waitFor();
  const entries = await mineEntries();
  expect(entries).toContain('绑定书记档案');
  expect(entries).not.toContain('管理后台');
  expect(await page.locator('.mine__entry--admin').count()).toBe(0);
  await expect(page.locator('.mine__binding').innerText()).resolves.toContain('未绑定');
  // The OpenID is shown masked, never whole.
  const mine = await page.locator('.mine').innerText();
  expect(mine).toContain('demo…dent');
  expect(mine).not.toContain('demo-resident');

  await visible(page, '.mine__entry--bind').click();
  const [ticket, secret] = code.split('-');
  const wrong = `${ticket}-${String((Number(secret) + 1) % 1_000_000).padStart(6, '0')}`;
  await page.locator('.bind__input input').fill(wrong.toLowerCase());
  await page.locator('.bind__submit').click();
  await expect(page.locator('.bind__error').innerText()).resolves.toBe('绑定码不正确，还可以再试 9 次');
});

test('the right code binds the archive record and 我的 shows the 社区书记 role', async () => {
  await page.locator('.bind__input input').fill(code);
  await page.locator('.bind__submit').click();
  await page.getByText('绑定成功').waitFor();
  await expect(page.locator('.sec-done').innerText()).resolves.toContain('您的微信已绑定 王建国（朝阳里社区）的书记档案');
  // The preview's identity bar names the new role at once, as 我的 does.
  await visible(page, '#yz-identity-current', { hasText: '社区书记 · 刘阿姨' }).first().waitFor();

  await page.locator('.sec-done__back').click();
  await page.locator('.mine__role--secretary').waitFor();
  const mine = await page.locator('.mine').innerText();
  expect(mine).toContain('王建国书记');
  expect(mine).toContain('已绑定 · 朝阳里社区');
  expect(mine).toContain('杆石桥街道');
  const entries = await mineEntries();
  expect(entries).toContain('我的风采');
  expect(entries).not.toContain('绑定书记档案');
  expect(entries).not.toContain('管理后台');
});

test('the same code cannot be used twice', async () => {
  await visible(page, '.mine__entry--invite').click();
  await page.locator('.bind__input input').fill(code);
  await page.locator('.bind__submit').click();
  await expect(page.locator('.bind__error').innerText()).resolves.toBe('该绑定码已使用过，请联系区委组织部重新发放');
});
