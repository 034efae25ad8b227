import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { FunctionsClient } from '../../../cloudfunctions/test-support/functions-client';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// 你问我答 and the archive in Chromium against a seeded local cloud: demo-secretary asks on the next salon's page,
// one of its presenters answers there, and a resident finds a past salon in the archive and reads its record.
let cloud: LocalCloud;
let page: Page;
let client: FunctionsClient;
let nextSalon: string;

const PRESENTER = 'e2e-presenter';
const QUESTION = '共享车位夜间被外来车辆占用，社区怎么约束？';
const ANSWER = '我们实行车位认领制，认领人负责夜间巡查。';

/** Acts as an OpenID that the preview's switcher does not list (a bound presenter): same login, another id. */
async function actAs(openid: string): Promise<void> {
  await page.evaluate((id) => {
    window.localStorage.setItem('yz.openid', id);
    window.localStorage.removeItem('yz.token');
  }, openid);
}

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
  client = new FunctionsClient(cloud.url);
  const list = await client.data<{ items: { _id: string; status: string }[] }>('demo-resident', 'salon', { action: 'list' });
  nextSalon = list.items[0]._id;
  // One of the next salon's presenters binds her WeChat (the binding page has its own tests).
  const qa = await client.data<{ cases: { secretaryId: string }[] }>('demo-resident', 'salon', { action: 'questions', salonId: nextSalon });
  const { code } = await client.data<{ code: string }>('demo-admin', 'user', { action: 'issueBindingCode', secretaryId: qa.cases[0].secretaryId });
  await client.data(PRESENTER, 'user', { action: 'redeemCode', code });
});

afterAll(closePreview);

test('a secretary asks on the salon page and a presenter answers there', async () => {
  await open(page, cloud.url, '/pages/index/index');
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, `/salon/detail/index?id=${nextSalon}`);
  await visible(page, '.salon-qa__ask-input textarea').fill(QUESTION);
  await visible(page, '.salon-qa__ask-submit').click();
  const asked = visible(page, '.salon-qa__question', { hasText: QUESTION });
  await asked.waitFor();
  // Not a presenter: no answer button for her.
  await expect(asked.locator('.salon-qa__answer-toggle').count()).resolves.toBe(0);

  await actAs(PRESENTER);
  await open(page, cloud.url, `/salon/detail/index?id=${nextSalon}`);
  const question = visible(page, '.salon-qa__question', { hasText: QUESTION });
  await question.locator('.salon-qa__answer-toggle').click();
  await question.locator('.salon-qa__answer-input textarea').fill(ANSWER);
  await question.locator('.salon-qa__answer-submit').click();
  await question.locator('.salon-qa__answer', { hasText: ANSWER }).waitFor();

  // Everyone else reads the answer under the question.
  await actAs('demo-resident');
  await open(page, cloud.url, `/salon/detail/index?id=${nextSalon}`);
  await visible(page, '.salon-qa__question', { hasText: QUESTION }).locator('.salon-qa__answer', { hasText: ANSWER }).waitFor();
  await expect(visible(page, '.salon-qa__ask-input').count()).resolves.toBe(0);
});

test('a resident goes from the home card to the archive, finds a past salon by street and reads its minutes, photos and Q&A', async () => {
  const archive = await client.data<{ items: { _id: string; hostStreet: string; theme: string }[] }>('demo-resident', 'salon', { action: 'archiveList' });
  const past = archive.items[0];
  await open(page, cloud.url, '/pages/index/index');
  await visible(page, '.home__heading-more', { hasText: '全部沙龙' }).click();
  await visible(page, '.salon-link--archive').click();
  await visible(page, '.archive__item').first().waitFor();
  await expect(visible(page, '.archive__item').count()).resolves.toBe(archive.items.length);
  await visible(page, '.archive__streets .archive__chip', { hasText: past.hostStreet }).click();
  await expect(eventually(() => visible(page, '.archive__item').count(), (n) => n === 1)).resolves.toBe(1);
  await visible(page, '.archive__item', { hasText: past.theme }).click();

  await visible(page, '.record__minutes').waitFor();
  await expect(visible(page, '.record__title').innerText()).resolves.toBe(past.theme);
  await expect(visible(page, '.record__image').count()).resolves.toBeGreaterThan(0);
  await visible(page, '.salon-qa__question').first().waitFor();
  await expect(visible(page, '.salon-qa__answer').count()).resolves.toBeGreaterThan(0);
  await expect(visible(page, '.salon-qa__comment').count()).resolves.toBeGreaterThan(0);
  // A resident neither asks nor edits the archive.
  await expect(visible(page, '.salon-qa__ask-input').count()).resolves.toBe(0);
  await expect(visible(page, '.record__editor').count()).resolves.toBe(0);
});
