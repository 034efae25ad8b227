import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { FunctionsClient } from '../../../cloudfunctions/test-support/functions-client';
import { closePreview, openPreview } from './browser';
import { eventually, open, switchIdentity, visible } from './h5';

// Results in Chromium against the seeded local cloud: the admin's rounds of the current contest are locked (as on
// the set-up page), the admin publishes on 大比武结果公布 and exports the workbook, which holds the published
// numbers; a resident goes from the 投票 tab to the results page and sees the awards and a drawn radar chart.
let cloud: LocalCloud;
let page: Page;
let client: FunctionsClient;

interface Results {
  published: boolean;
  awards: { tier: string; candidateId: string; name: string; total: number }[];
  ranking: { candidateId: string; name: string; total: number }[];
}

beforeAll(async () => {
  ({ cloud, page } = await openPreview());
  client = new FunctionsClient(cloud.url);
});

afterAll(closePreview);

/** Pixels of the visible radar canvas that are not transparent (the chart was really painted). */
const paintedPixels = () =>
  page.evaluate(() => {
    const canvas = Array.from(document.querySelectorAll<HTMLCanvasElement>('.radar__canvas canvas')).find((c) => c.offsetParent !== null);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !canvas.width) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

test('the admin sees why the current contest cannot be published yet, locks its rounds and publishes', async () => {
  await open(page, cloud.url, '/admin/contest/publish/index');
  await switchIdentity(page, 'demo-admin');
  await visible(page, '.pub__round').first().waitFor();
  expect(await visible(page, '.pub__problem').allInnerTexts()).toContain('第1轮（现场述职）尚未锁定');
  await expect(visible(page, '.pub__publish').getAttribute('class')).resolves.toContain('disabled');

  // The rounds are locked where the admin locks them (B1's set-up page, tested there): here through the same action.
  for (const roundKey of ['r1', 'r2', 'r3', 'r4']) {
    const res = await client.call('demo-admin', 'contest', { action: 'lockRound', contestId: 'contest-current', roundKey });
    expect(res.ok).toBe(true);
  }
  await page.reload();
  await visible(page, '.pub__round[data-locked="1"]').first().waitFor();
  await expect(visible(page, '.pub__round[data-locked="0"]').count()).resolves.toBe(0);
  await expect(visible(page, '.pub__preview-row').count()).resolves.toBe(10);

  await visible(page, '.pub__publish').click();
  await visible(page, '.taro-modal__foot').getByText('公布').click();
  await visible(page, '.pub__published').waitFor();
  expect(await visible(page, '.pub__published').innerText()).toContain('名次和评分规则已固定');
});

test('the exported workbook holds the published numbers', async () => {
  const published = await client.data<Results>('demo-admin', 'contest', { action: 'results', contestId: 'contest-current' });
  expect(published.published).toBe(true);
  await visible(page, '.pub-export__start').click();
  const link = visible(page, '.pub-export__link');
  await link.waitFor();
  await expect(visible(page, '.pub-export__progress').getAttribute('data-percent')).resolves.toBe('100');
  const url = (await link.getAttribute('data-url')) as string;
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('比武结果');
  const rows = (sheet?.getSheetValues() ?? []).slice(2, 2 + published.ranking.length) as unknown[][];
  expect(rows.map((r) => [r[2], r[4]])).toEqual(published.ranking.map((r) => [r.name, r.total]));
  const tiers = rows.filter((r) => r[3]).map((r) => [r[2], r[3]]);
  expect(tiers).toEqual(published.awards.map((a) => [a.name, a.tier]));
});

test('a resident goes from the 投票 tab to the results: awards, ranking and a radar chart with its table', async () => {
  const published = await client.data<Results>('demo-resident', 'contest', { action: 'results', contestId: 'contest-current' });
  await open(page, cloud.url, '/pages/contest/index');
  await switchIdentity(page, 'demo-resident');
  await visible(page, '.board__tab--candidates').click();
  await visible(page, '.yz-empty__action', { hasText: '查看评审结果' }).click();
  await visible(page, '.results__award').first().waitFor();

  const awards = visible(page, '.results__award');
  await expect(awards.count()).resolves.toBe(published.awards.length);
  expect(await awards.first().getAttribute('data-tier')).toBe('一等奖');
  expect(await awards.first().innerText()).toContain(published.awards[0].name);
  await expect(visible(page, '.results__row').count()).resolves.toBe(published.ranking.length);

  // The winner's radar chart is drawn, with the same numbers in the text table beside it.
  await visible(page, '.radar[data-drawn="1"]').waitFor();
  expect(await eventually(paintedPixels, (n) => n > 1000)).toBeGreaterThan(1000);
  await expect(visible(page, '.radar__row').count()).resolves.toBe(6);
  expect(await visible(page, '.radar__figure').getAttribute('aria-label')).toContain('组织建设');

  // Another contestant: her chart replaces the winner's.
  const last = published.ranking[published.ranking.length - 1];
  await visible(page, `.results__row[data-candidate="${last.candidateId}"]`).click();
  await visible(page, `.results__selected[data-candidate="${last.candidateId}"] .radar[data-drawn="1"]`).waitFor();
  expect(await visible(page, '.results__selected .results__heading').innerText()).toContain(last.name);
});

test('home leads to the published results of the 2023 contest, with its public score sheets', async () => {
  await open(page, cloud.url, '/pages/index/index');
  await visible(page, '.home__heading-more', { hasText: '往届评审结果' }).click();
  await visible(page, '.results__switch-item', { hasText: '2023年' }).click();
  await visible(page, '.results__title', { hasText: '2023年社区书记大比武' }).waitFor();
  const tiers = await visible(page, '.results__award').evaluateAll((els) => els.map((e) => e.getAttribute('data-tier')));
  expect(tiers).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖']);
  await visible(page, '.radar[data-drawn="1"]').waitFor();
  await expect(visible(page, '.sheets__judge').count()).resolves.toBe(5);
  await expect(visible(page, '.sheets__row').first().innerText()).resolves.toContain('组织建设');
});
