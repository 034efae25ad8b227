import { startLocalCloud, type LocalCloud } from '../../../scripts/local-cloud';
import { bootMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';

// jest ignores testTimeout inside a project entry; a browser/simulator round trip on a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

// The compiled home page in miniprogram-simulate, as a resident opening it from the public account.
let cloud: LocalCloud;
let mini: MiniProgram;
let page: SimComponent;

beforeAll(async () => {
  cloud = await startLocalCloud({ quiet: true });
  mini = await bootMiniProgram({ cloudUrl: cloud.url, openid: 'demo-resident' });
  page = mini.openPage('pages/index/index');
});

afterAll(async () => {
  await cloud?.stop();
});

test('carries the channel banner and the 六共 model', async () => {
  await waitFor(() => textOf(page).includes('品质市中 活力党建'), 'the banner');
  const text = textOf(page);
  expect(text).toContain('经纬雁阵 · “六共”');
  for (const pair of ['共话 · 共商', '共育 · 共融', '共进 · 共勉']) expect(text).toContain(pair);
  for (const motto of ['坐下聊一聊', '帮着带一带', '站着拼一拼']) expect(text).toContain(motto);
  expect(text).toContain('17 名书记同台“打擂”');
  expect(text).toContain('已组织 2 批次、12 名社区书记区内挂职');
});

test('greets the visitor with the role the user function returns', async () => {
  await waitFor(() => textOf(page).includes('您好，'), 'the greeting from whoami');
  expect(textOf(page)).toContain('您好，居民');
  expect(mini.calls).toEqual([{ name: 'user', data: { action: 'whoami' } }]);
});
