import { closeMiniProgram, openMiniProgram, tap, textOf, waitFor, type MiniProgram } from './mini-program';

// The compiled admin subpackage in miniprogram-simulate, answering from the real functions of a seeded local
// cloud as demo-admin (listed in ADMIN_OPENIDS).
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-admin' }));
});

afterAll(closeMiniProgram);

test('管理后台 lists its sections and the size of the review queue from the showcase function', async () => {
  const page = mini.openPage('admin/index');
  await waitFor(() => textOf(page).includes('风采审核'), 'the admin menu');
  const text = textOf(page);
  for (const entry of ['书记绑定', '管理员与评委', '风采审核', '操作记录']) expect(text).toContain(entry);
  expect(text).toContain('目前没有待审核的风采');
  expect(mini.calls).toEqual([{ name: 'showcase', data: { action: 'pendingList' } }]);
});

test('书记绑定 lists the archive records and issues a code to show once', async () => {
  const page = mini.openPage('admin/bindings/index');
  await waitFor(() => textOf(page).includes('何静怡'), 'the 17 records');
  const text = textOf(page);
  expect(text).toContain('全部街道');
  expect(text).toContain('郑晓梅');
  expect(text).toContain('大观园街道 · 青年东路社区');
  expect(text).toContain('已绑定'); // demo-secretary is bound to 郑晓梅
  expect(text).not.toMatch(/1380531\d{4}/); // no private archive fields reach the admin list either

  tap(page, 'binding__issue');
  await waitFor(() => /[A-Z2-9]{4}-\d{6}/.test(textOf(page)), 'the issued code');
  expect(textOf(page)).toContain('请当面交给本人');
  const issued = mini.calls.filter((c) => (c.data as { action: string }).action === 'issueBindingCode');
  expect(issued).toEqual([{ name: 'user', data: { action: 'issueBindingCode', secretaryId: 'sec-02' } }]);
});
