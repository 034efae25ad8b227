import { fakeIdNumber, fakePhone } from '../../../scripts/seed/archive';
import { closeMiniProgram, openMiniProgram, tap, textOf, waitFor, type MiniProgram } from './mini-program';

// The person-file page (admin subpackage) in miniprogram-simulate, answering from the real `archive` function of a
// seeded local cloud as demo-admin: basic information with private fields in full, the timeline, the entry form.
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-admin' }));
});

afterAll(closeMiniProgram);

test('人员档案 renders a secretary’s file as a timeline, with private fields for the admin only here', async () => {
  const page = mini.openPage('admin/archive/file/index', { fileId: 'sec-01' });
  await waitFor(() => textOf(page).includes('档案记录'), 'the person file');
  const text = textOf(page);
  expect(text).toContain('郑晓梅');
  expect(text).toContain('大观园街道 · 青年东路社区');
  expect(text).toContain(fakePhone(0));
  expect(text).toContain(fakeIdNumber(0));
  for (const kind of ['学历教育', '教育培训', '实践锻炼', '完成工作', '考核情况']) expect(text).toContain(kind);
  expect(text).toContain('全区社区党组织书记示范培训班（第一期）');
  expect(text.indexOf('2024-05-22')).toBeLessThan(text.indexOf('2023-04-18')); // newest first
  expect(mini.calls).toContainEqual({ name: 'archive', data: { action: 'getFile', fileId: 'sec-01' } });

  tap(page, 'pfile__add');
  await waitFor(() => textOf(page).includes('保存记录'), 'the entry form');
  expect(textOf(page)).toContain('区委组织部');
});
