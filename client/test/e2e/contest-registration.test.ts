import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { createRegistrationContest } from '../../../cloudfunctions/contest/contest-test-support';
import { connectAdminDb } from '../../../cloudfunctions/test-support/functions-client';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// Issue 10's registration in Chromium against a seeded local cloud: the demo secretary (郑晓梅, sec-01) registers for
// a contest whose registration is open, from 我的 → 报名大比武; the admin approves her on 大比武报名审核 and exports
// the list; she then sees 已通过. One page, steps in order.
let cloud: LocalCloud;
let page: Page;

const CONTEST = 'contest-e2e-reg';
const CANDIDATE = `reg-${CONTEST}-sec-01`;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
  await createRegistrationContest(connectAdminDb(cloud.url), CONTEST, { title: '第二届社区书记大比武' });
});

afterAll(closePreview);

/** The smallest own-text size, the tap targets smaller than 44 × 44 px, and any sideways overflow on screen now. */
function readability(targets: string[]) {
  return page.evaluate((sels) => {
    const shown = (el: Element) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = (sel: string) => Array.from(document.querySelectorAll(sel)).filter(shown);
    let smallest = Infinity;
    for (const el of all('body *')) {
      if (Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    const small = sels.flatMap((sel) => all(sel).map((el) => el.getBoundingClientRect())).filter((r) => r.width < 44 || r.height < 44).length;
    const found = sels.map((sel) => all(sel).length);
    return { smallest, small, found, overflow: document.documentElement.scrollWidth - window.innerWidth };
  }, targets);
}

const form = () => visible(page, `.reg-form[data-contest="${CONTEST}"]`);
const mine = () => visible(page, `.reg-mine[data-contest="${CONTEST}"]`);

test('the secretary opens 报名大比武 from 我的 and registers with her materials', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-secretary');
  await visible(page, '.mine__entry--contest-registration').click();
  await form().waitFor();
  await expect(form().innerText()).resolves.toContain('第二届社区书记大比武');
  // 提交报名 stays disabled until the three texts are there.
  await expect(form().locator('.reg-form__submit').getAttribute('class')).resolves.toContain('nut-button-disabled');
  const m = await readability(['.reg-form__submit', '.reg-form__add', '.reg-form__summary']);
  expect(m).toMatchObject({ small: 0, overflow: 0 });
  expect(m.smallest).toBeGreaterThanOrEqual(14);
  expect(m.found.every((n) => n > 0)).toBe(true);
  await form().locator('.reg-form__summary textarea').fill('三年来我们把支部建到网格上，楼院党小组每周碰头，居民的事当天有人应。');
  await form().locator('.reg-form__title input').fill('支部建在网格上');
  await form().locator('.reg-form__desc textarea').fill('43 个楼院党小组覆盖全部网格，居民诉求按期办结率 98%。');
  await form().locator('.reg-form__submit').click();
  await mine().waitFor();
  await expect(mine().locator('.reg-mine__badge').innerText()).resolves.toBe('审核中');
  await expect(visible(page, '.reg__notice').innerText()).resolves.toContain('报名已提交');
  // Registered once: the form for this contest is gone, withdrawing is offered instead.
  await expect(form().count()).resolves.toBe(0);
  await mine().locator('.reg-mine__withdraw').waitFor();
});

test('the admin approves her registration on 大比武报名审核', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  await visible(page, '.adm-index__entry--contest-review').click();
  await visible(page, `.creg__contests .adm-chip[data-key="${CONTEST}"]`).click();
  const card = visible(page, `.creg[data-candidate="${CANDIDATE}"]`);
  await expect(card.innerText()).resolves.toContain('支部建在网格上');
  await expect(card.innerText()).resolves.toContain('郑晓梅');
  const m = await readability(['.creg__approve', '.creg__start-reject', '.creg__select', '.creg__select-all', '.creg-export__start']);
  expect(m).toMatchObject({ small: 0, overflow: 0 });
  expect(m.smallest).toBeGreaterThanOrEqual(14);
  expect(m.found.every((n) => n > 0)).toBe(true);
  await card.locator('.creg__approve').click();
  await expect(visible(page, '.creg__done').innerText()).resolves.toContain('已通过郑晓梅的报名');
  // The pending filter is empty now; 已通过 holds her.
  await visible(page, '.creg__empty').waitFor();
  await visible(page, '.creg__status-filter .adm-chip[data-key="approved"]').click();
  await visible(page, `.creg[data-candidate="${CANDIDATE}"] .creg__status`).waitFor();
  await expect(visible(page, `.creg[data-candidate="${CANDIDATE}"] .creg__status`).innerText()).resolves.toBe('已通过');
});

test('the admin exports the list, with progress, to a workbook that opens with exceljs', async () => {
  await visible(page, '.creg-export__start').click();
  await visible(page, '.creg-export__progress').waitFor();
  const link = visible(page, '.creg-export__link');
  await link.waitFor();
  const url = await link.getAttribute('data-url');
  expect(url).toMatch(/^http/);
  const wb = new Workbook();
  await wb.xlsx.load((await (await fetch(url as string)).arrayBuffer()));
  const rows = wb.getWorksheet('报名名单')?.getSheetValues().slice(2) as unknown[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toEqual(expect.arrayContaining(['郑晓梅', '已通过', '支部建在网格上']));
});

test('the secretary sees 已通过 on 报名大比武', async () => {
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/secretary/contest-registration/index');
  await mine().waitFor();
  await expect(mine().locator('.reg-mine__badge').innerText()).resolves.toBe('已通过');
  await expect(mine().innerText()).resolves.toContain('参赛选手');
});
