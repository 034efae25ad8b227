import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { fakeIdNumber, fakePhone } from '../../../scripts/seed/archive';
import { importWorkbook, memberRows, openWorkbook, peopleRows, sheetText } from '../../../cloudfunctions/archive/archive-test-support';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// 一人一档、一街一册 in Chromium against a seeded local cloud: an admin opens a person file, adds a training record,
// records a roster change, exports the street roster (the workbook holds both), imports a sheet with preview; the secretary
// reads her own file.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 20_000 }));
});

afterAll(closePreview);

const TRAINING = '社区治理骨干能力提升培训班';

test('an admin opens a person file, adds a training record, records a roster change, and the exported roster holds both', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-admin');
  await open(page, cloud.url, '/admin/index');
  await visible(page, '.adm-index__entry--archive').click();
  await visible(page, '.archive__file[data-file="sec-01"]').click();
  const basics = visible(page, '.pfile__basics');
  await basics.waitFor();
  // The single-file view is where private fields show in full (the list shows them masked).
  await expect(basics.innerText()).resolves.toContain(fakePhone(0));
  await expect(basics.innerText()).resolves.toContain(fakeIdNumber(0));
  await visible(page, '.pfile__add').click();
  await visible(page, '.entry-form__kind[data-kind="training"]').click();
  await visible(page, '.entry-form__title input').fill(TRAINING);
  await visible(page, '.entry-form__submit').click();
  await visible(page, '.yz-timeline__title', { hasText: TRAINING }).waitFor();
  const first = visible(page, '.yz-timeline__item').first();
  await expect(first.innerText()).resolves.toContain('教育培训');

  await open(page, cloud.url, '/admin/archive/index');
  await visible(page, '.archive__files').waitFor();
  await expect(visible(page, '.archive__files').innerText()).resolves.not.toContain(fakePhone(0));
  await visible(page, '.archive__tabs .adm-chip[data-key="roster"]').click();
  await visible(page, '.roster__record-change').click();
  await visible(page, '.roster-change__name input').fill('田雨禾');
  await visible(page, '.roster-change__reason input').fill('居民代表会议补选');
  await visible(page, '.roster-change__submit').click();
  await visible(page, '.roster__member', { hasText: '田雨禾' }).waitFor();
  await visible(page, '.roster-export__start').click();
  const link = visible(page, '.roster-export__link');
  await link.waitFor();
  const wb = await openWorkbook((await link.getAttribute('data-url')) as string);
  const row = sheetText(wb, '两委名册', 4).find((r) => r.includes('郑晓梅') && r.includes('党组织书记'));
  expect(row?.join(' ')).toContain(TRAINING);
  expect(sheetText(wb, '两委名册', 4).some((r) => r.includes('田雨禾') && r.includes('居委会委员'))).toBe(true);
  expect(sheetText(wb, '变动记录', 3).some((r) => r.includes('田雨禾') && r.includes('任职') && r.includes('居民代表会议补选'))).toBe(true);
  expect(JSON.stringify(sheetText(wb, '两委名册'))).not.toContain(fakePhone(0));
});

test('an import with a bad row shows that row and imports nothing; the corrected sheet imports', async () => {
  await open(page, cloud.url, '/admin/archive/import/index');
  const people = peopleRows(12, 'e2e');
  const choose = async (bytes: Buffer, name: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.import__choose').click()]);
    await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  };
  await choose(await importWorkbook(people.map((p, i) => (i === 4 ? { ...p, 街道: '不存在街道' } : p)), memberRows(people)), '有错误.xlsx');
  const error = visible(page, '.import__error[data-row="6"]');
  await error.waitFor();
  await expect(error.innerText()).resolves.toContain('街道');
  await expect(visible(page, '.import__commit').count()).resolves.toBe(0);

  await choose(await importWorkbook(people, memberRows(people)), '人员档案.xlsx');
  await visible(page, '.import__counts', { hasText: '人员档案 12 人' }).waitFor();
  await visible(page, '.import__commit').click();
  await visible(page, '.taro-modal__foot').getByText('导入').click();
  await expect(visible(page, '.import__done').innerText()).resolves.toContain('人员档案 12 份');
});

test('a secretary reads her own file as a timeline, without private fields', async () => {
  await switchIdentity(page, 'demo-secretary');
  await open(page, cloud.url, '/pages/mine/index');
  await visible(page, '.mine__entry--archive').click();
  const name = visible(page, '.my-archive__name');
  await name.waitFor();
  await expect(name.innerText()).resolves.toBe('郑晓梅');
  await visible(page, '.yz-timeline__title', { hasText: TRAINING }).waitFor();
  const text = await visible(page, '.my-archive').innerText();
  expect(text).not.toContain(fakePhone(0));
  expect(text).not.toContain(fakeIdNumber(0));
  expect(text).toContain('全区社区党组织书记示范培训班');
});
