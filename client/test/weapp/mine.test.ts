import { closeMiniProgram, openMiniProgram, tap, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';

// The compiled 我的 page in miniprogram-simulate, answering from the real `user` function in a local cloud.
// The admin is demo-admin because the local config lists it in ADMIN_OPENIDS.
let mini: MiniProgram;
let page: SimComponent;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-admin', seed: false }));
  // The first call is dropped, as on a phone that just lost its signal. The client logs it for developers.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  mini.failNextCalls(1);
  page = mini.openPage('pages/mine/index');
});

afterAll(closeMiniProgram);

test('a failed call shows a readable Chinese error with a retry button', async () => {
  await waitFor(() => textOf(page).includes('重新加载'), 'the error state');
  expect(textOf(page)).toContain('加载没有成功');
  expect(textOf(page)).toContain('网络开小差了');
  expect(mini.calls).toEqual([{ name: 'user', data: { action: 'whoami' } }]);
  expect(console.warn).toHaveBeenCalledWith('[cloud] user failed', expect.objectContaining({ errMsg: expect.stringContaining('fail') }));
});

test('retrying shows the identity and roles the user function returns', async () => {
  tap(page, 'yz-status__retry');
  await waitFor(() => textOf(page).includes('身份信息'), 'the identity card');
  const text = textOf(page);
  expect(text).not.toContain('网络开小差了');
  // The OpenID is shown masked (first 4 … last 4), never whole.
  expect(text).toContain('微信账号demo…dmin');
  expect(text).not.toContain('demo-admin');
  // Headline is the most specific role; every role is listed, with what it lets the person do.
  expect(text.startsWith('管管理员居民管理员')).toBe(true);
  // Only admins get the entry to 管理后台; an admin who is not a secretary can bind an archive record.
  expect(text).toContain('管理后台');
  expect(text).toContain('绑定书记档案');
  expect(text).not.toContain('我的风采');
  expect(text).toContain('我可以做什么');
  expect(text).toContain('组织大比武、沙龙、档案和挂职交流');
  expect(text).toContain('浏览书记风采');
  expect(text).toContain('书记档案未绑定');
});

test('pull-to-refresh asks the function again and stops the spinner', async () => {
  const before = mini.calls.length;
  const stops = jest.spyOn((globalThis as unknown as { wx: { stopPullDownRefresh: () => void } }).wx, 'stopPullDownRefresh');
  (page.instance.onPullDownRefresh as () => void)();
  await waitFor(() => stops.mock.calls.length > 0, 'the pull-down spinner to stop');
  expect(mini.calls.length).toBe(before + 1);
  expect(textOf(page)).toContain('demo…dmin');
});

test('tapping 管理后台 navigates to the admin subpackage', async () => {
  const navigate = jest.fn((opts: { success?: () => void }) => opts.success?.());
  (globalThis as unknown as { wx: { navigateTo: unknown } }).wx.navigateTo = navigate;
  tap(page, 'mine__entry--admin');
  await waitFor(() => navigate.mock.calls.length > 0, 'a navigation');
  expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/index' }));
});
