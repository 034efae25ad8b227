import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { FunctionsClient } from '../../../cloudfunctions/test-support/functions-client';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// The admin area in Chromium against a seeded local cloud: invitations redeemed on the same page as binding codes,
// admins and judges listed by opaque handles and removed with confirmation, and the audit log of all of it.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
});

afterAll(closePreview);

async function redeemAs(openid: string, code: string): Promise<string> {
  await switchIdentity(page, openid);
  await open(page, cloud.url, '/secretary/bind/index');
  await visible(page, '.bind__input input').fill(code);
  await visible(page, '.bind__submit').click();
  await visible(page, '.sec-done').waitFor();
  return visible(page, '.sec-done').innerText();
}

async function issueOnInvites(button: string): Promise<string> {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/invites/index');
  await visible(page, button).click();
  const value = visible(page, '.adm-code__value');
  await value.waitFor();
  return (await value.innerText()).trim();
}

const confirmModal = () => visible(page, '.taro-modal__foot').getByText(/移除|确定/).click();

test('an admin invitation, redeemed on the binding page, makes a resident an admin', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  const code = await issueOnInvites('.invites__invite-admin');
  await expect(visible(page, '.adm-code').innerText()).resolves.toContain('请当面交给本人');

  const done = await redeemAs('demo-resident', code);
  expect(done).toContain('邀请码已生效');
  expect(done).toContain('您已成为管理员');
  await visible(page, '.sec-done__back').click();
  await visible(page, '.mine__entry--admin').waitFor();
});

test('admins are listed by handle, never OpenID; the configured one cannot be revoked, an invited one can', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/invites/index');
  const admins = visible(page, '.invites__admin');
  await admins.nth(1).waitFor();
  await expect(admins.count()).resolves.toBe(2);
  const text = await visible(page, '.invites__admins').innerText();
  expect(text).not.toContain('demo-');
  expect(text).toContain('系统配置');
  expect(text).toContain('受邀加入');
  expect(text).toMatch(/用户 [0-9a-f]{4}…[0-9a-f]{4}/);

  await visible(page, '.invites__revoke').click();
  await confirmModal();
  await page.waitForFunction(() => document.querySelectorAll('.invites__admin').length === 1);
  await expect(visible(page, '.invites__admins').innerText()).resolves.not.toContain('受邀加入');
});

test('judges are invited per contest and removed with confirmation', async () => {
  const code = await issueOnInvites('.invites__invite-judge');
  await expect(visible(page, '.adm-code__title').innerText()).resolves.toMatch(/“\d{4}年社区书记大比武”评委邀请码/);
  const done = await redeemAs('demo-resident', code);
  expect(done).toContain('您已成为本次大比武的评委');

  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/invites/index');
  const judges = visible(page, '.invites__judge');
  await judges.first().waitFor();
  const before = await judges.count();
  expect(before).toBeGreaterThanOrEqual(1);
  await judges.last().locator('.invites__remove-judge').click();
  await confirmModal();
  await page.waitForFunction((n) => document.querySelectorAll('.invites__judge').length === n - 1, before);
});

test('the audit log shows every change readably, newest first, and filters by operation and target', async () => {
  await open(page, cloud.url, '/admin/audit/index');
  const entries = visible(page, '.audit__entry');
  await entries.first().waitFor();
  const actions = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(actions).toEqual(['user.removeJudge', 'user.redeemCode', 'user.inviteJudge', 'user.revokeAdmin', 'user.redeemCode', 'user.inviteAdmin']);
  await expect(entries.first().innerText()).resolves.toContain('移除评委');

  await visible(page, '.audit__operations .adm-chip[data-key="user.revokeAdmin"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.audit__entry').length === 1);
  const revoked = await visible(page, '.audit__entry').innerText();
  expect(revoked).toContain('移除管理员');
  // A diff in words: the field, what it was and what it became; the actor as role + handle; no internal paths.
  expect(revoked).toMatch(/角色\s*原：管理员\s*新：（无）/);
  expect(revoked).toMatch(/操作人：管理员 · 用户 [0-9a-f]{4}…[0-9a-f]{4}/);
  expect(revoked).toMatch(/用户：用户 [0-9a-f]{4}…[0-9a-f]{4}/);
  expect(revoked).not.toMatch(/demo-|users\//);

  await visible(page, '.audit__operations .adm-chip[data-key="user.inviteJudge"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.audit__entry').length === 1);
  expect(await visible(page, '.audit__entry').innerText()).toMatch(/比武活动：\d{4}年社区书记大比武/);

  // The target filter takes what people know: a secretary's name (nothing was done to this one yet).
  await visible(page, '.audit__operations .adm-chip[data-key=""]').click();
  await visible(page, '.audit__target input').fill('郑晓梅');
  await visible(page, '.audit__apply').click();
  await expect(visible(page, '.audit__empty').innerText()).resolves.toContain('没有符合条件的记录');
});

test('the pending review count on the admin home is fresh after a review', async () => {
  const functions = new FunctionsClient(cloud.url);
  await functions.data('demo-secretary', 'showcase', { action: 'saveDraft', story: '等待审核的新事迹。', tags: ['grid'] });
  await functions.data('demo-secretary', 'showcase', { action: 'submitForReview' });
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  const reviews = visible(page, '.adm-index__entry--reviews');
  await expect(reviews.innerText()).resolves.toContain('1 份风采等待审核');
  await reviews.click();
  await visible(page, '.review__approve').click();
  await visible(page, '.reviews__done').waitFor();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.adm-index__entry--reviews')?.textContent?.includes('目前没有待审核的风采'));
});
