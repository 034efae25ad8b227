import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';

// A resident's journey in the H5 preview against a seeded local cloud (contest-current: voting open today,
// 3 votes a day, 1 per candidate). One page: the steps build on each other as one visitor's session would.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 10_000 }));
});

afterAll(closePreview);

// Taro's H5 router keeps tab pages in the DOM (hidden); every locator is scoped to the page it means.
const cards = () => page.locator('.feed .yz-card');
let where = '.contest-vote';
const remaining = () => page.locator(`${where} .yz-remaining__count`).innerText();
const notice = () => page.locator(`${where} .yz-vote-notice`);
const tab = (text: string) => page.locator('.taro-tabbar__tabbar').getByText(text, { exact: true });
const candidateRow = (name: string) => page.locator('.contest-candidate').filter({ hasText: name });

/** Polls `read` until it gives `expected` (the page updates after a function round trip). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toEqual(expected);
}

/** The ranking as the visitor reads it: [name, votes] in the order shown. */
async function rankingShown(): Promise<[string, number][]> {
  const rows = await page.locator('.ranking__item').evaluateAll((items) =>
    items.map((el) => [el.querySelector('.ranking__name')?.textContent ?? '', el.querySelector('.ranking__votes')?.textContent ?? '']),
  );
  return rows.map(([name, votes]) => [name, Number.parseInt(votes, 10)]);
}

test('the feed shows showcase cards and loads more as the resident scrolls', async () => {
  await page.goto(cloud.url);
  await page.locator('.home__contest').getByText('距投票结束').waitFor();
  await tab('风采').click();
  await cards().first().waitFor();
  await expect(cards().count()).resolves.toBe(10);
  const first = await cards().first().innerText();
  expect(first).toContain('郑晓梅');
  expect(first).toContain('青年东路社区 · 大观园街道');
  expect(first).toContain('组织建设');

  // Scrolling to the end of the list loads the next page (onReachBottom), as a thumb would.
  await page.locator('.feed__more').scrollIntoViewIfNeeded();
  await page.getByText('已经到底了，共 17 位书记').waitFor();
  await expect(cards().count()).resolves.toBe(17);
});

test('opening a showcase shows the story, the contest and three votes for today', async () => {
  await cards().filter({ hasText: '王建国' }).click();
  await page.locator('.showcase__name').getByText('王建国').waitFor();
  const text = await page.locator('.showcase').innerText();
  expect(text).toContain('朝阳里社区 · 杆石桥街道');
  expect(text).toContain('书记故事');
  // The story itself is demo data (scripts/seed); that it is shown, in paragraphs, is what counts here.
  expect(text).toMatch(/书记故事\n.*王建国.{0,20}2009年/);
  expect(text).toContain('工作成绩');
  expect(text).toContain('每人每天 3 票，同一位书记每天 1 票');
  await page.locator('.contest-vote').getByText('投票进行中').waitFor();
  await until(remaining, '3');
});

test('voting on the showcase drops the remaining count to 2', async () => {
  await page.locator('.contest-vote__button', { hasText: '为王建国投票' }).click();
  await notice().getByText('已为王建国投票，今天还可以投 2 票').waitFor();
  await expect(remaining()).resolves.toBe('2');
  await page.locator('.contest-vote__button', { hasText: '今日已投' }).waitFor();
});

test('the contest tab ranks him first, and a second vote for him is refused', async () => {
  // The open contest's link (his showcase also lists the finished 2023 contest he competed in).
  await page.locator('.contest-vote', { hasText: '投票进行中' }).getByText('查看全部候选书记和人气榜').click();
  where = '.board';
  await candidateRow('郑晓梅').waitFor();
  await until(remaining, '2');
  await expect(page.locator('.board__rule').innerText()).resolves.toContain('每人每天 3 票，同一位书记每天 1 票');

  await page.locator('.board__tab--ranking').click();
  await expect(page.locator('.ranking__note').innerText()).resolves.toContain('网络投票仅反映人气，不作为评选依据');
  await until(async () => (await rankingShown())[0], ['王建国', 1]);
  expect((await rankingShown()).length).toBe(17);

  await page.locator('.board__tab--candidates').click();
  await candidateRow('王建国').locator('.contest-candidate__vote').click();
  await notice().getByText('今天已经为这位书记投过1票了，请支持其他书记或明天再来').waitFor();
  await expect(remaining()).resolves.toBe('2');
});

test('two more votes use up the day, and the ranking follows', async () => {
  await candidateRow('李秀英').locator('.contest-candidate__vote').click();
  await notice().getByText('已为李秀英投票，今天还可以投 1 票').waitFor();
  await expect(remaining()).resolves.toBe('1');
  await candidateRow('何静怡').locator('.contest-candidate__vote').click();
  await notice().getByText('已为何静怡投票，今天还可以投 0 票').waitFor();
  await expect(remaining()).resolves.toBe('0');

  await page.locator('.board__tab--ranking').click();
  // Ties are ordered by candidate id: sec-02, sec-03, sec-17.
  await until(async () => (await rankingShown()).slice(0, 4), [
    ['王建国', 1],
    ['李秀英', 1],
    ['何静怡', 1],
    ['郑晓梅', 0],
  ]);
});

test('after the third vote every vote button is disabled and says why', async () => {
  await page.locator('.board__tab--candidates').click();
  const buttons = page.locator('.board .contest-candidate__vote');
  await expect(buttons.count()).resolves.toBe(17);
  for (const button of await buttons.all()) {
    await expect(button.getAttribute('class')).resolves.toContain('nut-button-disabled');
    expect(await button.innerText()).toMatch(/^(今日已投|今日票已投完)$/);
  }
  await expect(candidateRow('郑晓梅').locator('.contest-candidate__vote').innerText()).resolves.toBe('今日票已投完');
  await expect(page.locator('.board .yz-vote-used-up').innerText()).resolves.toContain('今天的 3 票已经投完，明天 0 点（北京时间）后可以再投');

  // A tap on a disabled button casts nothing: the last notice stays the last accepted vote's.
  await candidateRow('郑晓梅').locator('.contest-candidate__vote').click({ force: true });
  await new Promise((r) => setTimeout(r, 500));
  await expect(notice().innerText()).resolves.toContain('已为何静怡投票');
});

test('a reload asks the functions afresh: still no votes left, and the ranking holds the three votes', async () => {
  // The ranking is cached for 2 s per function instance (docs/voting.md).
  await new Promise((r) => setTimeout(r, 2_200));
  await page.reload();
  await candidateRow('郑晓梅').waitFor();
  await until(remaining, '0');
  await expect(candidateRow('郑晓梅').locator('.contest-candidate__vote').getAttribute('class')).resolves.toContain('nut-button-disabled');
  await page.locator('.board__tab--ranking').click();
  await until(async () => (await rankingShown()).find(([name]) => name === '郑晓梅'), ['郑晓梅', 0]);
  expect((await rankingShown()).reduce((sum, [, votes]) => sum + votes, 0)).toBe(3);
});

test('the finished 2023 contest shows its published state and its rules list the dimensions and weights', async () => {
  await page.locator('.board__switch-item', { hasText: '2023年' }).click();
  await page.locator('.board__title').getByText('2023年社区书记大比武').waitFor();
  await page.locator('.board__tab--candidates').click();
  const board = page.locator('.board');
  await board.getByText('本届比武已圆满结束').waitFor();
  const text = await board.innerText();
  expect(text).toContain('评委评审结果已公布：一等奖 1 名、二等奖 2 名、三等奖 3 名');
  expect(text).toContain('投票已于2023年9月15日结束');
  expect(text).not.toContain('候选书记还在审核中');
  await expect(board.locator('.contest-candidate__vote').count()).resolves.toBe(0);

  await page.locator('.board__tab--rules').click();
  const dimensions = await page.locator('.board__dimension').allInnerTexts();
  expect(dimensions).toHaveLength(6);
  expect(dimensions[0]).toMatch(/组织建设\s*权重 20% · 满分 100 分/);
  expect(dimensions.join('\n')).toContain('新业态新就业群体党建');
  expect(dimensions.join('\n')).toContain('权重 15%');
});
