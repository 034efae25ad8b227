import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { FunctionsClient } from '../../../cloudfunctions/test-support/functions-client';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// The salon in Chromium against the demo data (scripts/seed/salons.ts: a year of salons, the next one hosted by
// 七贤 and open for sign-up, 十六里河 proposed for the one after): an admin plans the next salon from the
// rotation's proposal, a secretary signs up from the home card, a resident reads the salon from the home card.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
});
afterAll(closePreview);

test('an admin plans the next salon from the host the rotation proposes', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  await visible(page, '.adm-index__entry--salons').click();
  await expect(visible(page, '.salons-rotation__host').innerText()).resolves.toBe('十六里河街道');
  const plan = visible(page, '.salons-rotation__plan');
  const month = /(\d{4}-\d{2})/.exec(await plan.innerText())?.[1] ?? '';
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  await plan.click();
  await visible(page, '.salons-plan__topics .adm-chip[data-key="物业服务"]').click();
  await visible(page, '.salons-plan__theme input').fill('物业费收缴难的破解办法');
  await visible(page, '.adm-chip[data-key="区住建局"]').click();
  await visible(page, '.salons-plan__submit').click();

  const planned = visible(page, `.salons-month--planned[data-month="${month}"]`);
  await planned.waitFor();
  await expect(planned.innerText()).resolves.toContain('十六里河街道');
  // The turn moved on to the next street of the rotation.
  await expect(visible(page, '.salons-rotation__host').innerText()).resolves.toBe('兴隆街道');

  const list = await new FunctionsClient(cloud.url).data<{ items: { _id: string; hostStreet: string; topic: string; theme: string; status: string }[] }>('e2e-visitor', 'salon', { action: 'list' });
  expect(list.items[0]).toMatchObject({ _id: `salon-${month}`, hostStreet: '十六里河', topic: '物业服务', theme: '物业费收缴难的破解办法', status: 'open' });
});

test('a secretary opens the next salon from the home card and signs up', async () => {
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/pages/index/index');
  await visible(page, '.home__salon').click();
  await expect(visible(page, '.salon-hero__theme').innerText()).resolves.toBe('新就业群体融入社区治理');
  const seatsBefore = await visible(page, '.salon-signup__seats').innerText();
  await visible(page, '.salon-signup__join').click();
  await expect(visible(page, '.salon-signup__state').innerText()).resolves.toContain('报名成功');
  const seatsAfter = await eventually(() => visible(page, '.salon-signup__seats').innerText(), (t) => t !== seatsBefore);
  expect(Number(/已报名 (\d+)/.exec(seatsAfter)?.[1])).toBe(Number(/已报名 (\d+)/.exec(seatsBefore)?.[1]) + 1);
  await expect(visible(page, '.salon-signup__cancel').innerText()).resolves.toBe('取消报名');
});

test('a resident opens the salon from the home card and reads it, without sign-up buttons', async () => {
  await switchIdentity(page, 'demo-resident');
  await open(page, cloud.url, '/pages/index/index');
  await expect(visible(page, '.home__salon').innerText()).resolves.toContain('七贤街道');
  await visible(page, '.home__salon').click();
  const salon = visible(page, '.salon-detail');
  await salon.waitFor();
  const text = await salon.innerText();
  expect(text).toContain('七贤街道（轮值主席）');
  expect(text).toContain('案例分享');
  expect(text).toContain('社区书记绑定档案后可在这里报名');
  await expect(visible(page, '.salon-signup__join').count()).resolves.toBe(0);
});
