import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';
import { tapText } from './resident-taps';

// The compiled showcase page in miniprogram-simulate, opened as WeChat opens it from the poster's mini-program
// code (`scene` = URL-encoded `sid=<id>`), with the real `showcase` and `vote` functions behind it.
let mini: MiniProgram;
let page: SimComponent;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'weapp-resident' }));
  page = mini.openPage('pages/showcase/index', { scene: encodeURIComponent('sid=sec-02') });
});

afterAll(closeMiniProgram);

test('renders the published story, achievements, tags and the open contest', async () => {
  await waitFor(() => textOf(page).includes('书记故事'), 'the showcase');
  const text = textOf(page);
  expect(text).toContain('王建国');
  expect(text).toContain('朝阳里社区 · 杆石桥街道');
  expect(text).toContain('抓班子带队伍');
  expect(text).toContain('王建国是转业军人，2009年到朝阳里社区任职。');
  expect(text).toContain('这几年，社区“两委”里有两名年轻人从专职网格员成长起来');
  expect(text).toContain('工作成绩');
  expect(text).toContain('投票进行中');
  expect(text).toContain('每人每天 3 票，同一位书记每天 1 票');
  expect(mini.calls).toContainEqual({ name: 'showcase', data: { action: 'get', secretaryId: 'sec-02' } });
  await waitFor(() => textOf(page).includes('今日还可投3票'), "today's quota");
});

test('voting shows the remaining count from the vote function', async () => {
  tapText(page, 'contest-vote__button', '为王建国投票');
  await waitFor(() => textOf(page).includes('已为王建国投票，今天还可以投 2 票'), 'the accepted vote');
  expect(textOf(page)).toContain('今日还可投2票');
  expect(textOf(page)).toContain('今日已投');
  expect(mini.calls).toContainEqual({ name: 'vote', data: { action: 'cast', contestId: 'contest-current', candidateId: 'cand-sec-02' } });
});

test('a second vote for him today shows the function’s refusal', async () => {
  tapText(page, 'contest-vote__button', '今日已投');
  await waitFor(() => textOf(page).includes('今天已经为这位书记投过1票了'), 'the refusal');
  expect(textOf(page)).toContain('今日还可投2票');
});

test('share card and timeline point back at this showcase', () => {
  const share = (page.instance.onShareAppMessage as (o: object) => { title: string; path: string })({ from: 'menu' });
  expect(share).toEqual({ title: '王建国 · 朝阳里社区的社区书记风采', path: '/pages/showcase/index?sid=sec-02' });
  const timeline = (page.instance.onShareTimeline as () => { title: string; query: string })();
  expect(timeline).toEqual({ title: '王建国 · 朝阳里社区的社区书记风采', query: 'sid=sec-02' });
});
