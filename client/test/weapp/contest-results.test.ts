import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';
import { countOf, tapText } from './resident-taps';

// The compiled results page (subpackage `contest`) in miniprogram-simulate with the real `contest` function: the
// published 2023 contest's awards, ranking and the winner's radar chart. The simulator has no canvas, so WeChat's
// Canvas 2D node is stood in for by a recording context behind `wx.createSelectorQuery`: the test sees the page
// find its `type="2d"` canvas the weapp way and paint the six axes and the polygon on it.
let mini: MiniProgram;
let page: SimComponent;
const painted: { op: string; args: unknown[] }[] = [];
const queried: string[] = [];

function recordingCanvas() {
  const ctx = new Proxy({}, {
    get: (_t, op: string) => (...args: unknown[]) => void painted.push({ op, args }),
    set: () => true,
  });
  return { width: 0, height: 0, getContext: (kind: string) => (kind === '2d' ? ctx : null) };
}

/** The first object in the page's render data that `match`es (Taro keeps the element tree there). */
function findNode(data: unknown, match: (n: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = findNode(d, match);
      if (found) return found;
    }
  } else if (data && typeof data === 'object') {
    const n = data as Record<string, unknown>;
    if (match(n)) return n;
    for (const v of Object.values(n)) {
      const found = findNode(v, match);
      if (found) return found;
    }
  }
  return undefined;
}

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'weapp-resident' }));
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.createSelectorQuery = () => {
    let selector = '';
    const query = {
      in: () => query,
      select: (s: string) => ((selector = s), query),
      fields: () => query,
      exec: (cb: (res: unknown[]) => void) => {
        queried.push(selector);
        setTimeout(() => cb([{ node: recordingCanvas(), width: 320, height: 260 }]));
        return query;
      },
    };
    return query;
  };
  page = mini.openPage('contest/results/index', { id: 'contest-2023' });
});

afterAll(closeMiniProgram);

test('renders the 2023 awards and ranking from the contest function', async () => {
  await waitFor(() => textOf(page).includes('获奖名单'), 'the published results');
  const text = textOf(page);
  expect(text).toContain('2023年社区书记大比武');
  for (const tier of ['一等奖', '二等奖', '三等奖']) expect(text).toContain(tier);
  expect(countOf(page, 'results__award')).toBe(6);
  expect(countOf(page, 'results__row')).toBe(17);
  expect(mini.calls).toContainEqual({ name: 'contest', data: { action: 'results', contestId: 'contest-2023' } });
});

test("draws the winner's radar chart on the Canvas 2D node, with the text table beside it", async () => {
  await waitFor(() => painted.some((p) => p.op === 'fill'), 'the radar drawing');
  // The page's data for the <canvas> template (base.wxml: `type="{{i.p2}}"`, `id="{{i.uid}}"`): a 2D canvas, the one queried.
  expect(countOf(page, 'radar__canvas')).toBe(1);
  const node = findNode(page.instance.data, (n) => typeof n.uid === 'string' && n.uid.startsWith('yz-radar-'));
  expect(node).toMatchObject({ p2: '2d' });
  expect(queried[0]).toBe(`#${String(node?.uid)}`);
  const labels = painted.filter((p) => p.op === 'fillText').map((p) => p.args[0]);
  expect(labels).toEqual(['组织建设', '班子队伍', '阵地打造', '网格治理', '红色物业', '新业态党建']);
  expect(countOf(page, 'radar__row')).toBe(6);
  expect(textOf(page)).toContain('新业态新就业群体党建');
});

test('tapping another contestant draws her chart', async () => {
  const before = painted.length;
  tapText(page, 'results__row', '胡玉兰');
  await waitFor(() => textOf(page).includes('胡玉兰 · 第 17 名'), 'the chosen contestant');
  await waitFor(() => painted.length > before && painted.slice(before).some((p) => p.op === 'fill'), 'her radar');
});
