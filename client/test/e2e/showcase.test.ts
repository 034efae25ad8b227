import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';

// The 风采 feed's filters and search, and a showcase opened from a poster's mini-program code, in the H5 preview
// against a seeded local cloud (17 published showcases, one secretary per street).
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 10_000 }));
  await page.goto(`${cloud.url}/pages/showcases/index`);
  await cards().first().waitFor();
});

afterAll(closePreview);

const cards = () => page.locator('.feed .yz-card');
const names = () => page.locator('.feed .yz-card .yz-card__name').allInnerTexts();
const chip = (kind: 'street' | 'tag', label: string) => page.locator(`.feed__chip--${kind}`, { hasText: label }).first();

/** Waits until the list shows exactly `expected` names (the old list stays until the new answer arrives). */
async function listShows(expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let shown: string[] = [];
  while (Date.now() < deadline) {
    shown = await names();
    if (JSON.stringify(shown) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(shown).toEqual(expected);
}

async function search(text: string): Promise<void> {
  await page.locator('.feed__search-input input').fill(text);
  await page.locator('.feed__search-button').click();
}

test('filtering by street shows that street only, and 全部街道 brings everyone back', async () => {
  await chip('street', '杆石桥').click();
  await listShows(['王建国']);
  await expect(page.locator('.feed__summary-text').innerText()).resolves.toBe('筛选：杆石桥街道');
  await expect(cards().first().innerText()).resolves.toContain('朝阳里社区 · 杆石桥街道');
  await chip('street', '全部街道').click();
  await page.getByText('上滑加载更多').waitFor();
  await expect(cards().count()).resolves.toBe(10);
});

test('filtering by a dimension shows the secretaries tagged with it', async () => {
  await chip('tag', '红色物业建设').click();
  await page.locator('.feed__summary-text', { hasText: '红色物业建设' }).waitFor();
  // Featured first (李秀英), then by secretary.
  await listShows(['李秀英', '刘志强', '孙立新', '吴国栋', '胡玉兰', '何静怡']);
  for (const text of await cards().allInnerTexts()) expect(text).toContain('红色物业建设');
  // Filters combine: the tag within one street.
  await chip('street', '兴隆').click();
  await listShows(['胡玉兰']);
  await chip('street', '六里山').click();
  await page.getByText('没有找到符合条件的书记').waitFor();
  await page.locator('.feed__summary-reset').click();
  await page.getByText('上滑加载更多').waitFor();
});

test('search finds a secretary by name or by community', async () => {
  await search('周慧敏');
  await listShows(['周慧敏']);
  await search('朝阳里');
  await listShows(['王建国']);
  await expect(page.locator('.feed__summary-text').innerText()).resolves.toBe('筛选：“朝阳里”');
});

test('a search with no match says so and offers to clear it', async () => {
  await search('不存在的社区');
  await page.getByText('没有找到符合条件的书记').waitFor();
  await expect(cards().count()).resolves.toBe(0);
  await page.locator('.yz-empty__action', { hasText: '清除筛选，看全部书记' }).click();
  await page.getByText('上滑加载更多').waitFor();
  await expect(cards().count()).resolves.toBe(10);
  await expect(page.locator('.feed__search-input input').inputValue()).resolves.toBe('');
});

test('a mini-program code scene (sid=…, URL-encoded) opens that showcase, and its poster draws', async () => {
  await page.goto(`${cloud.url}/pages/showcase/index?scene=${encodeURIComponent('sid=sec-05')}`);
  await page.locator('.showcase__name', { hasText: '刘志强' }).waitFor();
  await expect(page.locator('.showcase__place').innerText()).resolves.toBe('英贤里社区 · 二七新村街道');

  const poster = page.waitForResponse((r) => r.url().endsWith('/api/functions/showcase') && r.request().postDataJSON().action === 'poster');
  await page.locator('.showcase__poster-button').click();
  await expect((await poster).json()).resolves.toMatchObject({ result: { ok: true, data: { scene: 'sid=sec-05' } } });
  const image = page.locator('.poster__image img');
  await image.waitFor();
  await expect(image.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
  // The drawn poster keeps the 600 × 960 proportions at twice the resolution.
  await expect(image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).resolves.toEqual([1200, 1920]);
  await page.getByText('长按图片保存到手机，分享给邻里').waitFor();
  await page.locator('.poster__close').click();
  await expect(page.locator('.poster').count()).resolves.toBe(0);
});

test('an unknown secretary gets a readable not-found page with a way on', async () => {
  await page.goto(`${cloud.url}/pages/showcase/index?sid=sec-99`);
  await page.getByText('没有找到这位书记的风采').waitFor();
  await expect(page.locator('.yz-empty').innerText()).resolves.toContain('该书记的风采展还未发布');
  await page.locator('.yz-empty__action', { hasText: '看看其他书记' }).click();
  await cards().first().waitFor();
});
