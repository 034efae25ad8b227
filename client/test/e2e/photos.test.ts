import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { drawPortrait } from '../../../scripts/seed/pictures';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// Photos in the H5 preview against a seeded local cloud: every demo showcase has a drawn portrait and activity
// pictures served from the local cloud's storage through temporary URLs, as uploads are; the secretary's editor
// uploads a new photo from the browser, and after review the public page shows it. One page, steps in order.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
});

afterAll(closePreview);

/**
 * The natural size of the picture in a Taro <Image> (0 × 0 until it has loaded), after scrolling it into view:
 * lazy images load only then, and a widthFix image has no height before.
 */
async function loadedSize(imageSelector: string): Promise<[number, number]> {
  const image = visible(page, imageSelector).first();
  await image.scrollIntoViewIfNeeded();
  const size = () => image.locator('img').evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight] as [number, number]);
  return eventually(size, ([w]) => w > 0);
}

const storageUrl = (src: string | null) => src?.startsWith(`${cloud.url}/__storage/download/`) ?? false;

test('feed cards show each secretary’s portrait from the local cloud’s storage', async () => {
  await open(page, cloud.url, '/pages/showcases/index');
  await visible(page, '.feed .yz-card').first().waitFor();
  const cards = await visible(page, '.feed .yz-card').count();
  expect(cards).toBe(10);
  await expect(visible(page, '.feed .yz-card .yz-avatar__photo').count()).resolves.toBe(cards);
  await expect(visible(page, '.feed .yz-card .yz-avatar__initial').count()).resolves.toBe(0);
  await expect(loadedSize('.feed .yz-card .yz-avatar__photo')).resolves.toEqual([240, 240]);
  expect(storageUrl(await visible(page, '.feed .yz-card .yz-avatar__photo img').first().getAttribute('src'))).toBe(true);
});

test('a showcase shows the portrait and the activity pictures of its story', async () => {
  await open(page, cloud.url, '/pages/showcase/index?sid=sec-03');
  await visible(page, '.showcase__name').waitFor();
  await expect(loadedSize('.showcase__hero .yz-avatar__photo')).resolves.toEqual([240, 240]);
  const pictures = visible(page, '.showcase__image');
  await pictures.first().waitFor();
  await expect(pictures.count()).resolves.toBe(2);
  await expect(loadedSize('.showcase__image')).resolves.toEqual([480, 300]);
  for (let i = 0; i < 2; i++) {
    const picture = pictures.nth(i);
    await picture.scrollIntoViewIfNeeded();
    expect(storageUrl(await eventually(() => picture.locator('img').getAttribute('src'), storageUrl))).toBe(true);
  }
});

test('every demo showcase has a portrait, an activity picture and a story of its own', async () => {
  const login = (await (await fetch(`${cloud.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'photo-check' }) })).json()) as { token: string };
  const get = async (secretaryId: string) => {
    const res = await fetch(`${cloud.url}/api/functions/showcase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'get', secretaryId }),
    });
    return ((await res.json()) as { result: { data: { photoUrl: string | null; images: { url: string | null }[]; paragraphs: string[] } } }).result.data;
  };
  const all = await Promise.all(Array.from({ length: 17 }, (_, i) => get(`sec-${String(i + 1).padStart(2, '0')}`)));
  for (const s of all) {
    expect(s.photoUrl).toEqual(expect.stringContaining('/__storage/download/'));
    expect(s.images.filter((img) => img.url).length).toBeGreaterThanOrEqual(1);
  }
  // No two stories open the same way (the old demo repeated one template).
  expect(new Set(all.map((s) => s.paragraphs[0])).size).toBe(17);
  expect(new Set(all.map((s) => s.paragraphs.at(-1))).size).toBe(17);
});

test('the secretary uploads a new photo in 我的风采; after review the public page shows it', async () => {
  const photo = drawPortrait({ gender: '女', index: 40 });
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-secretary');
  await visible(page, '.mine__entry--showcase').click();
  await visible(page, '.edit-form__story').waitFor();
  // The photo she has now is shown first.
  await expect(loadedSize('.edit-photo__preview')).resolves.toEqual([240, 240]);
  const preview = visible(page, '.edit-photo__preview img');
  expect(storageUrl(await eventually(() => preview.getAttribute('src'), storageUrl))).toBe(true);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.edit-photo__choose').click()]);
  await chooser.setFiles({ name: 'my-photo.png', mimeType: 'image/png', buffer: photo });
  await visible(page, '.edit-photo__status', { hasText: '照片已上传，保存草稿后生效' }).waitFor();
  // The picked photo shows at once, before anything is saved.
  expect(await visible(page, '.edit-photo__preview img').getAttribute('src')).toMatch(/^blob:/);
  await expect(loadedSize('.edit-photo__preview')).resolves.toEqual([240, 240]);

  await visible(page, '.edit__submit').click();
  await visible(page, '.edit__notice', { hasText: '已提交审核' }).waitFor();

  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/reviews/index');
  const card = visible(page, '.review[data-showcase="showcase-sec-01"]');
  await card.waitFor();
  // The review card shows the new photo; its image check (mediaCheckAsync) has answered by now.
  await expect(card.locator('img').count()).resolves.toBeGreaterThanOrEqual(1);
  await card.locator('.review__approve').click();
  await visible(page, '.reviews__done', { hasText: '已通过郑晓梅的风采' }).waitFor();

  await open(page, cloud.url, '/pages/showcase/index?sid=sec-01');
  await visible(page, '.showcase__name').waitFor();
  // A lazy image gets its src once it is observed in view, which may be a moment after the name shows.
  const hero = visible(page, '.showcase__hero .yz-avatar__photo img');
  const src = await eventually(() => hero.getAttribute('src'), storageUrl);
  expect(storageUrl(src)).toBe(true);
  const served = Buffer.from(await (await fetch(src as string)).arrayBuffer());
  expect(served.equals(photo)).toBe(true);
  // Stored where the showcase function accepts a secretary's own uploads (the temp URL carries the cloud path).
  const cloudPath = Buffer.from(new URL(src as string).pathname.split('/').pop() as string, 'base64url').toString();
  expect(cloudPath).toMatch(/^showcases\/sec-01\/[a-z0-9]+\.png$/);
});
