import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram } from './mini-program';

// 我的 and 我的风采 in miniprogram-simulate as the demo secretary (bound to 郑晓梅 by the seed).
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-secretary' }));
});

afterAll(closeMiniProgram);

test('我的 greets the secretary by name and offers 我的风采, not binding nor 管理后台', async () => {
  const page = mini.openPage('pages/mine/index');
  await waitFor(() => textOf(page).includes('身份信息'), 'the identity card');
  const text = textOf(page);
  expect(text.startsWith('郑郑晓梅书记居民社区书记')).toBe(true);
  expect(text).toContain('我的风采');
  expect(text).toContain('已绑定 · 青年东路社区');
  expect(text).toContain('大观园街道');
  expect(text).not.toContain('绑定书记档案');
  expect(text).not.toContain('管理后台');
});

test('我的风采 opens on the published version with its status', async () => {
  const page = mini.openPage('secretary/showcase-edit/index');
  await waitFor(() => textOf(page).includes('特色标签'), 'the editor');
  const text = textOf(page);
  expect(text).toContain('已发布');
  expect(text).toContain('公开页面显示的是');
  for (const dimension of ['组织建设', '抓班子带队伍', '阵地打造', '网格化治理', '红色物业建设', '新业态新就业群体党建']) expect(text).toContain(dimension);
  expect(mini.calls).toContainEqual({ name: 'showcase', data: { action: 'myShowcase' } });
});
