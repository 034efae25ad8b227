import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// The H5 preview's navigation bar, as the mini-program's: every page outside the tab bar has a title and a back
// button that returns where the person came from; a page opened directly offers the way home instead. The dark
// 本地预览 bar sits in the page and scrolls away, never over the content. One page, steps in order.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
});

afterAll(closePreview);

const bar = () => page.locator('#taro-navigation-bar');
const back = () => page.locator('#taro-navigation-bar .taro-navigation-bar-back');
const title = () => page.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText();
const path = () => new URL(page.url()).pathname;

async function expectTitle(expected: string): Promise<void> {
  expect(await eventually(title, (t) => t === expected)).toBe(expected);
}

async function expectPath(expected: string | RegExp): Promise<void> {
  const matches = (p: string) => (typeof expected === 'string' ? p === expected : expected.test(p));
  expect(await eventually(path, matches)).toMatch(expected);
}

/** The page's title shows, with a back button of at least 44 × 44 px. */
async function expectTitleWithBack(expected: string): Promise<void> {
  await expectTitle(expected);
  await back().waitFor();
  const box = await back().boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
}

/** Back returns to the page the person came from, shown again where it was left. */
async function goBackTo(to: string, shown: string): Promise<void> {
  await back().click();
  await expectPath(to);
  await visible(page, shown).first().waitFor();
}

test('tab pages carry the title bar without a back button', async () => {
  await open(page, cloud.url, '/pages/index/index');
  await expectTitle('品质市中 活力党建');
  await expect(back().isVisible()).resolves.toBe(false);
  await page.locator('.taro-tabbar__tabbar').getByText('风采', { exact: true }).click();
  await expectTitle('书记风采');
  await expect(back().isVisible()).resolves.toBe(false);
});

test('a showcase opened from the feed goes back to the feed', async () => {
  await visible(page, '.yz-card[data-secretary="sec-02"]').click();
  await visible(page, '.showcase__name').waitFor();
  await expectTitleWithBack('王建国的风采');
  await goBackTo('/pages/showcases/index', '.yz-card[data-secretary="sec-02"]');
});

test('the 本地预览 bar scrolls away with the page and never covers its content', async () => {
  await visible(page, '.yz-card[data-secretary="sec-03"]').click();
  await visible(page, '.showcase__name').waitFor();
  await page.mouse.wheel(0, 700);
  // Taro's H5 pages scroll inside their own container, under the navigation bar.
  const scrolled = () => page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page')).map((p) => p.scrollTop)));
  expect(await eventually(scrolled, (y) => y > 300)).toBeGreaterThan(300);
  const navBottom = (await bar().boundingBox())?.height ?? 0;
  // Right under the navigation bar is the page's own content, not the preview bar.
  const under = await page.evaluate((y) => {
    const el = document.elementFromPoint(187, y + 8);
    return { inSwitcher: Boolean(el?.closest('#yz-identity-switcher')), inPage: Boolean(el?.closest('.showcase')) };
  }, navBottom);
  expect(under).toEqual({ inSwitcher: false, inPage: true });
  const switcher = await visible(page, '#yz-identity-switcher').boundingBox();
  expect((switcher?.y ?? 0) + (switcher?.height ?? 0)).toBeLessThanOrEqual(navBottom);
  await goBackTo('/pages/showcases/index', '.yz-card');
});

test('绑定书记档案 goes back to 我的', async () => {
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
  await visible(page, '.mine__entry--bind').click();
  await visible(page, '.bind__input').waitFor();
  await expectTitleWithBack('绑定书记档案');
  await goBackTo('/pages/mine/index', '.mine__entry--bind');
});

test('我的风采 goes back to 我的', async () => {
  await switchIdentity(page, 'demo-secretary');
  await visible(page, '.mine__entry--showcase').click();
  await visible(page, '.edit-form__story').waitFor();
  await expectTitleWithBack('我的风采');
  await goBackTo('/pages/mine/index', '.mine__entry--showcase');
});

test('every admin page goes back to 管理后台, and 管理后台 back to 我的', async () => {
  await switchIdentity(page, 'demo-admin');
  await visible(page, '.mine__entry--admin').click();
  await visible(page, '.adm-index__entry--bindings').waitFor();
  await expectTitleWithBack('管理后台');
  const pages: [entry: string, title: string][] = [
    ['bindings', '书记绑定'],
    ['invites', '管理员与评委'],
    ['reviews', '风采审核'],
    ['audit', '操作记录'],
  ];
  for (const [entry, name] of pages) {
    await visible(page, `.adm-index__entry--${entry}`).click();
    await expectPath(`/admin/${entry}/index`);
    await expectTitleWithBack(name);
    await goBackTo('/admin/index', `.adm-index__entry--${entry}`);
  }
  await goBackTo('/pages/mine/index', '.mine__entry--admin');
});

test('a page opened directly (a shared link) offers the way home instead of back', async () => {
  await open(page, cloud.url, '/pages/showcase/index?sid=sec-04');
  await visible(page, '.showcase__name').waitFor();
  const home = page.locator('#taro-navigation-bar .taro-navigation-bar-home');
  await home.waitFor();
  await expect(back().isVisible()).resolves.toBe(false);
  const box = await home.boundingBox();
  expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(44);
  await home.click();
  await expectPath(/^\/(pages\/index\/index)?$/);
  await visible(page, '.home__channel').waitFor();
});
