import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';

// The compiled home page in miniprogram-simulate, as a resident opening it from the public account.
let mini: MiniProgram;
let page: SimComponent;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-resident' }));
  page = mini.openPage('pages/index/index');
});

afterAll(closeMiniProgram);

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
  // Two calls in all: who is asking (greeting), and everything the live first screen shows.
  await waitFor(() => textOf(page).includes('去为书记投票'), 'the first screen');
  expect(mini.calls).toHaveLength(2);
  expect(mini.calls).toEqual(
    expect.arrayContaining([
      { name: 'user', data: { action: 'whoami' } },
      { name: 'home', data: { action: 'firstScreen' } },
    ]),
  );
});

test('shows the open contest with its countdown, the featured showcases and the next salon', async () => {
  await waitFor(() => textOf(page).includes('下期社区书记沙龙'), 'the first screen');
  const text = textOf(page);
  expect(text).toContain('投票进行中');
  expect(text).toMatch(/距投票结束 1[34]天 \d\d时 \d\d分 \d\d秒/);
  expect(text).toContain('每人每天 3 票，同一位书记每天 1 票');
  for (const name of ['郑晓梅', '王建国', '李秀英', '张海燕']) expect(text).toContain(name);
  expect(text).not.toContain('刘志强');
  expect(text).toContain('新就业群体融入社区治理');
  expect(text).toContain('承办：七贤街道（轮值主席）');
  expect(text).toContain('点评：区委社会工作部、区人社局');
});
