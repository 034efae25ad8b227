import { closeMiniProgram, openMiniProgram, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';
import { countOf, tapText } from './resident-taps';
import { seedSalons } from '../../../scripts/seed/salons';

// The compiled salon archive (list and one record with its 你问我答) in miniprogram-simulate, reading the demo
// salons from the real `salon` function.
let mini: MiniProgram;

beforeAll(async () => {
  ({ mini } = await openMiniProgram({ openid: 'demo-resident' }));
});

afterAll(closeMiniProgram);

test('lists the eleven archived salons and filters them by host street', async () => {
  const page: SimComponent = mini.openPage('salon/archive/index');
  await waitFor(() => countOf(page, 'archive__item') === 11, 'the archived salons');
  expect(textOf(page)).toContain('共 11 期沙龙');
  tapText(page, 'archive__chip', '大观园');
  await waitFor(() => countOf(page, 'archive__item') === 1, 'the salon hosted by 大观园');
  expect(mini.calls.filter((c) => c.name === 'salon').at(-1)?.data).toEqual({ action: 'archiveList', street: '大观园' });
});

test('shows a record with its minutes, questions, answers and department comments', async () => {
  const page = mini.openPage('salon/archive/record/index', { id: firstArchivedId() });
  await waitFor(() => countOf(page, 'salon-qa__question') > 0, 'the questions');
  expect(countOf(page, 'record__minutes')).toBe(1);
  expect(countOf(page, 'salon-qa__answer')).toBeGreaterThan(0);
  expect(countOf(page, 'salon-qa__comment')).toBeGreaterThan(0);
  expect(textOf(page)).toContain('会议纪要');
  expect(countOf(page, 'salon-qa__ask-input')).toBe(0);
});

/** The salon hosted by 大观园 (the first street of the rotation), as the demo data placed it (jsdom has no fetch). */
function firstArchivedId(): string {
  return seedSalons(new Date()).salons.find((x) => x.hostStreet === '大观园')?._id ?? '';
}
