import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';

// The H5 preview in Chromium against a local cloud: the identity switcher stands in for WeChat login, and every
// page reads the `user` function through /api/functions/user. One browser context: the steps build on each
// other as one visitor's session would.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ seed: false }));
});

afterAll(closePreview);

const stored = (key: string) => page.evaluate((k) => window.localStorage.getItem(k), key);

test('a first visit opens the home page as the resident', async () => {
  await page.goto(cloud.url);
  await expect(page.locator('.home__channel').innerText()).resolves.toBe('品质市中 活力党建');
  await page.getByText('您好，居民').waitFor();
  await expect(page.locator('.home').innerText()).resolves.toContain('共进 · 共勉');
  await expect(page.locator('#yz-identity-current').innerText()).resolves.toContain('居民 · 刘阿姨');
  await expect(stored('yz.openid')).resolves.toBe('demo-resident');
  await expect(stored('yz.token')).resolves.toEqual(expect.any(String));
});

test('switching to 管理员 and opening 我的 shows the admin role from the user function', async () => {
  await page.locator('#yz-identity-switcher').getByText('切换身份').click();
  await Promise.all([page.waitForEvent('load'), page.locator('.yz-identity-option[data-openid="demo-admin"]').click()]);
  await expect(page.locator('#yz-identity-current').innerText()).resolves.toContain('管理员 · 区委组织部');
  await expect(stored('yz.openid')).resolves.toBe('demo-admin');
  // The reloaded home page already asks as the admin.
  await page.getByText('您好，管理员').waitFor();

  const whoami = page.waitForResponse((r) => r.url().endsWith('/api/functions/user') && r.request().method() === 'POST');
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
  const response = await whoami;
  expect(response.request().headers().authorization).toMatch(/^Bearer .+/);
  await expect(response.json()).resolves.toEqual({
    result: { ok: true, data: expect.objectContaining({ openid: 'demo-admin', roles: expect.arrayContaining(['resident', 'admin']) }) },
  });

  await page.getByText('身份信息').waitFor();
  const mine = await page.locator('.mine').innerText();
  // The OpenID is shown masked (first 4 … last 4), never whole.
  expect(mine).toContain('demo…dmin');
  expect(mine).not.toContain('demo-admin');
  expect(mine).toContain('管理员');
  expect(mine).toContain('组织大比武、沙龙、档案和挂职交流');
});

test('a dropped connection shows a readable error, and 重新加载 recovers', async () => {
  await page.route('**/api/functions/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await page.getByText('网络开小差了，请检查网络后重试').waitFor();
  await page.unroute('**/api/functions/**');
  await page.locator('.yz-status__retry').filter({ hasText: '重新加载' }).click();
  await page.getByText('身份信息').waitFor();
  await expect(page.locator('.mine').innerText()).resolves.toContain('demo…dmin');
});
