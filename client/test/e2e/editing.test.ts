import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// Issue 4's editing workflow in Chromium against a seeded local cloud: the demo secretary (郑晓梅, sec-01) edits
// her story; the admin sends it back once with a reason, then approves the resubmission; the public showcase page
// shows the new story only after approval. One page, steps in order.
let cloud: LocalCloud;
let page: Page;

const NEW_STORY = '我们把楼道拐角改成了“板凳议事角”，每周三晚上邻里围坐，停车、加装电梯的事当场商量。';
const PUBLIC_PAGE = '/pages/showcase/index?sid=sec-01';

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
});

afterAll(closePreview);

const story = () => visible(page, '.edit-form__story textarea');
const status = () => visible(page, '.edit-status').innerText();

async function publicStory(): Promise<string> {
  await open(page, cloud.url, PUBLIC_PAGE);
  await visible(page, '.showcase__paragraph').first().waitFor();
  return visible(page, '.showcase').innerText();
}

test('the secretary opens 我的风采 from 我的 and sees the published version to start from', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-secretary');
  await visible(page, '.mine__entry--showcase').click();
  await story().waitFor();
  await expect(status()).resolves.toContain('已发布');
  await expect(status()).resolves.toContain('公开页面显示的是');
  await expect(story().inputValue()).resolves.toContain('郑晓梅');
  await expect(visible(page, '.edit__name').innerText()).resolves.toBe('郑晓梅');
});

test('risky text is refused by the content check with a clear message, and nothing is saved', async () => {
  await story().fill(`${NEW_STORY}欢迎来玩赌博游戏。`);
  await visible(page, '.edit__save').click();
  await expect(visible(page, '.edit__error').innerText()).resolves.toBe('内容可能含有不适宜公开的信息，请修改后再保存');
  await expect(status()).resolves.toContain('已发布');
});

test('the secretary saves and submits; the public page still shows the published story', async () => {
  await story().fill(NEW_STORY);
  await visible(page, '.edit-form__tag[data-key="property"]').click();
  await visible(page, '.edit__submit').click();
  await expect(visible(page, '.edit__notice').innerText()).resolves.toContain('已提交审核');
  await expect(status()).resolves.toContain('审核中');
  await expect(visible(page, '.edit__submit').innerText()).resolves.toBe('审核中');

  const shown = await publicStory();
  expect(shown).not.toContain('板凳议事角');
  expect(shown).toContain('郑晓梅');
});

test('the admin sends it back with a reason, which the secretary reads on 我的风采', async () => {
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/reviews/index');
  const card = visible(page, '.review[data-showcase="showcase-sec-01"]');
  await expect(card.innerText()).resolves.toContain('板凳议事角');
  await card.locator('.review__start-reject').click();
  // A reason is required: the confirm button stays disabled until one is written.
  await expect(card.locator('.review__confirm-reject').getAttribute('class')).resolves.toContain('nut-button-disabled');
  await card.locator('.review__reason textarea').fill('请补充议事角解决的一件具体事例');
  await card.locator('.review__confirm-reject').click();
  await visible(page, '.reviews__empty').waitFor();
  await expect(visible(page, '.reviews__done').innerText()).resolves.toContain('已退回郑晓梅的风采');

  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/secretary/showcase-edit/index');
  await story().waitFor();
  await expect(status()).resolves.toContain('已退回');
  await expect(status()).resolves.toContain('退回原因：请补充议事角解决的一件具体事例');
  await expect(story().inputValue()).resolves.toBe(NEW_STORY);
});

test('after resubmission and approval, the public page shows the new story', async () => {
  await story().fill(`${NEW_STORY}\n\n去年议事角解决了 3 号楼的停车难。`);
  await visible(page, '.edit__submit').click();
  await visible(page, '.edit-status--pending').waitFor();
  await expect(status()).resolves.toContain('审核中');

  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/pages/mine/index');
  await visible(page, '.mine__entry--admin').click();
  await expect(visible(page, '.adm-index__entry--reviews').innerText()).resolves.toContain('1 份风采等待审核');
  await visible(page, '.adm-index__entry--reviews').click();
  const card = visible(page, '.review[data-showcase="showcase-sec-01"]');
  await expect(card.innerText()).resolves.toContain('3 号楼的停车难');
  await card.locator('.review__approve').click();
  await expect(visible(page, '.reviews__done').innerText()).resolves.toContain('已通过郑晓梅的风采');

  const shown = await publicStory();
  expect(shown).toContain('板凳议事角');
  expect(shown).toContain('去年议事角解决了 3 号楼的停车难。');
});
