import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';
import { countOf, tapText } from './resident-taps';

// The compiled 风采 tab in miniprogram-simulate, reading the demo showcases from the real `showcase` function.
let mini: MiniProgram;
let page: SimComponent;

const feedCalls = () => mini.calls.filter((c) => c.name === 'showcase');

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-resident' }));
  page = mini.openPage('pages/showcases/index');
});

afterAll(closeMiniProgram);

test('shows skeletons, then the first ten cards with name, community, street and dimension tags', async () => {
  await waitFor(() => countOf(page, 'yz-card') === 10, 'the first page of cards');
  const text = textOf(page);
  expect(text).toContain('郑晓梅');
  expect(text).toContain('青年东路社区 · 大观园街道');
  expect(text).toContain('组织建设');
  expect(text).toContain('上滑加载更多');
  expect(countOf(page, 'yz-card-skeleton')).toBe(0);
  expect(feedCalls()).toEqual([{ name: 'showcase', data: { action: 'feed', page: 1, pageSize: 10 } }]);
});

test('reaching the bottom loads the next page until the end', async () => {
  (page.instance.onReachBottom as () => void)();
  await waitFor(() => textOf(page).includes('已经到底了，共 17 位书记'), 'the second page');
  expect(countOf(page, 'yz-card')).toBe(17);
  expect(textOf(page)).toContain('何静怡');
  expect(feedCalls().at(-1)).toEqual({ name: 'showcase', data: { action: 'feed', page: 2, pageSize: 10 } });
});

test('a street chip filters the feed to that street', async () => {
  tapText(page, 'feed__chip--street', '杆石桥');
  await waitFor(() => countOf(page, 'yz-card') === 1, 'the filtered list');
  expect(textOf(page)).toContain('王建国');
  expect(textOf(page)).toContain('筛选：杆石桥街道');
  expect(feedCalls().at(-1)).toEqual({ name: 'showcase', data: { action: 'feed', street: '杆石桥', page: 1, pageSize: 10 } });
});

test('pull-to-refresh reloads the first page with the same filter and stops the spinner', async () => {
  const before = feedCalls().length;
  const stops = jest.spyOn((globalThis as unknown as { wx: { stopPullDownRefresh: () => void } }).wx, 'stopPullDownRefresh');
  (page.instance.onPullDownRefresh as () => void)();
  await waitFor(() => stops.mock.calls.length > 0, 'the pull-down spinner to stop');
  expect(feedCalls().length).toBe(before + 1);
  expect(feedCalls().at(-1)?.data).toEqual({ action: 'feed', street: '杆石桥', page: 1, pageSize: 10 });
  // The list stays on screen while refreshing (the native spinner shows progress): no skeletons.
  expect(countOf(page, 'yz-card-skeleton')).toBe(0);
  expect(countOf(page, 'yz-card')).toBe(1);
});
