import { inChina } from '@yanzhen/domain';
import { closeMiniProgram, openMiniProgram, tap, textOf, waitFor, type MiniProgram } from './mini-program';

// The salon subpackage's pages, compiled, in miniprogram-simulate, as the demo secretary (demo data:
// scripts/seed/salons.ts, a year of salons, the next one hosted by 七贤 and open for sign-up).
let mini: MiniProgram;

/** The seed's next salon: the first 19th, 14:30 China time, at least two days ahead (scripts/seed/salons.ts). */
function nextSalonId(): string {
  let month = inChina(new Date()).startOf('month');
  if (month.date(19).hour(14).minute(30).valueOf() < Date.now() + 2 * 86_400_000) month = month.add(1, 'month');
  return `salon-${month.format('YYYY-MM')}`;
}

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-secretary' }));
});

afterAll(closeMiniProgram);

test('the salon list shows a year of salons, newest first, with topic and street filters', async () => {
  const page = mini.openPage('salon/list/index');
  await waitFor(() => textOf(page).includes('第12期社区书记沙龙'), 'the salon list');
  const text = textOf(page);
  expect(text).toContain('全部话题');
  expect(text).toContain('全部街道');
  expect(text).toContain('七贤街道承办');
  expect(text).toContain('报名中');
  expect(text.indexOf('第12期社区书记沙龙')).toBeLessThan(text.indexOf('第11期社区书记沙龙'));
  expect(text).toContain('第1期社区书记沙龙');
  expect(mini.calls).toContainEqual({ name: 'salon', data: { action: 'list' } });
});

test('the salon page shows when, where, who presents and lets the secretary sign up', async () => {
  const page = mini.openPage('salon/detail/index', { id: nextSalonId() });
  await waitFor(() => textOf(page).includes('新就业群体融入社区治理'), 'the salon page');
  const text = textOf(page);
  expect(text).toContain('七贤街道（轮值主席）');
  expect(text).toContain('案例分享');
  expect(text).toContain('区委社会工作部、区人社局');
  expect(text).toContain('你问我答');
  await waitFor(() => textOf(page).includes('报名参加'), 'the sign-up button');
  tap(page, 'salon-signup__join');
  await waitFor(() => textOf(page).includes('您已报名成功'), 'the sign-up');
  expect(mini.calls).toContainEqual({ name: 'salon', data: { action: 'signUp', salonId: nextSalonId() } });
});
