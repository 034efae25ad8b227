import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram } from './mini-program';

// The judge's pages in miniprogram-simulate as the demo judge (round 现场述职 of the current contest, seeded with
// her first 5 scores and one same-street recusal).
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-judge' }));
});

afterAll(closeMiniProgram);

test('评委打分 lists the contestants of her round with her progress', async () => {
  const page = mini.openPage('judge/index');
  await waitFor(() => textOf(page).includes('位选手'), 'the round header');
  const text = textOf(page);
  expect(text).toContain('现场述职');
  expect(text).toContain('已评 5 / 16 位选手');
  expect(text).toContain('回避（同街道）');
  expect(text).toContain('未评分');
});

test('the scoring page renders a stepper per dimension with its maximum, and her saved score', async () => {
  const page = mini.openPage('judge/score/index', { contestId: 'contest-current', roundKey: 'r1', candidateId: 'cand-sec-01' });
  await waitFor(() => textOf(page).includes('满分'), 'the dimensions');
  const text = textOf(page);
  for (const dimension of ['组织建设', '抓班子带队伍', '阵地打造', '网格化治理', '红色物业建设', '新业态新就业群体党建']) expect(text).toContain(dimension);
  expect(text).toContain('满分 100 分 · 权重 20%');
  expect(text).toContain('已保存');
  expect(text).toContain('保存修改');
  expect(text).toContain('申报回避');
  // One − / + stepper per dimension (the simulator prefixes class names with the page's scope).
  expect(page.dom.querySelectorAll('[class~="page--jdg-stepper__plus"]')).toHaveLength(6);
  expect(page.dom.querySelectorAll('[class~="page--jdg-stepper__minus"]')).toHaveLength(6);
  expect(mini.calls).toContainEqual({ name: 'contest', data: { action: 'judgeContestants', contestId: 'contest-current', roundKey: 'r1' } });
});
