import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram } from './mini-program';

// The public studio page compiled for WeChat, in miniprogram-simulate, as a resident opens it from a share.
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'weapp-resident' }));
});

afterAll(closeMiniProgram);

test('the studio page renders its leader, members and activities, and no private field', async () => {
  const page = mini.openPage('talent/studio/index', { id: 'studio-zheng' });
  await waitFor(() => textOf(page).includes('活动记录'), 'the studio');
  const text = textOf(page);
  expect(text).toContain('郑晓梅书记工作室');
  expect(text).toContain('领办书记：郑晓梅（大观园街道青年东路社区）');
  expect(text).toContain('工作室成员（3）');
  expect(text).toContain('老旧小区停车难专题研讨');
  expect(text).toContain('挂职实训');
  expect(text).not.toMatch(/1380531|身份证/);
  expect(mini.calls).toContainEqual({ name: 'talent', data: { action: 'studio', studioId: 'studio-zheng' } });
});
