import { Workbook } from 'exceljs';
import { DIMENSION_KEYS, type DimensionKey } from '@yanzhen/domain';
import type { AuditDoc } from '../shared/audit';
import { inParallel, readAll } from '../test-support/functions-client';
import { snapshot, useFunctionHarness } from '../test-support/local-cloud';
import { registerAndApprove, SEEDED_SECRETARIES, TEST_ADMIN } from './contest-test-support';
import { addJudge, assignRounds, createContest, must } from './judging-test-support';
import { setFunctionsClock } from './quiz-test-support';
import { RESULTS_SHEET, SCORES_SHEET } from './results-export';

/**
 * The contest's whole lifecycle through the functions with the 2023 numbers (issue 10): 17 secretaries register
 * and are approved, 5 judges score one round (one of them declares a conflict with a contestant), the admin
 * locks the round and publishes 1 first, 2 second and 3 third prizes; every privileged step is on the audit
 * trail; results are empty before publication; the exported workbook holds the published numbers. Judges are
 * written as an accepted invitation leaves them (invitations have their own tests).
 */
jest.setTimeout(120_000);

const HOUR = 3_600_000;
const RESIDENT = 'resident-results';
const h = useFunctionHarness({ env: { YANZHEN_FAKE_CLOCK: '1', MAX_INSTANCES_PER_FUNCTION: '3' } }, 90_000);

interface Results {
  published: boolean;
  rule: { method: string; trimMinJudges: number; tieBreak: string[] };
  awards: { tier: string; candidateId: string; name: string; total: number }[];
  ranking: { candidateId: string; name: string; total: number; dimensions: Record<DimensionKey, number> }[];
}
const call = <T = Record<string, unknown>>(openid: string | null, event: Record<string, unknown>) => h.client.call<T>(openid, 'contest', event);

/** Judge j's offset from a contestant's level: asymmetric, so dropping the highest and lowest shows in totals. */
const OFFSETS = [-3, -1, 0, 1, 5];
/** Contestant i's level: 95, 93, … 63; every dimension gets level + offset (the radar's shape is not the point here). */
const level = (i: number) => 95 - 2 * i;
const scoresOf = (i: number, j: number) => Object.fromEntries(DIMENSION_KEYS.map((k) => [k, level(i) + OFFSETS[j]]));

it('runs registration, review, judging with a recusal, lock and publication, all audited', async () => {
  // Registration open now, scoring from two hours on (the functions' clock moves there below).
  const contestId = await createContest(
    h.client,
    {
      title: '2023年社区书记大比武（流程测试）',
      rounds: [{ form: '现场述职', kind: 'scored', judges: [] }],
      awards: [
        { tier: '一等奖', count: 1 },
        { tier: '二等奖', count: 2 },
        { tier: '三等奖', count: 3 },
      ],
      rule: { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] },
    },
    2 * HOUR,
  );
  const candidates = await registerAndApprove(h.client, h.db, contestId, SEEDED_SECRETARIES);
  expect(candidates).toHaveLength(17);
  const judges = ['ja', 'jb', 'jc', 'jd', 'je'].map((j) => `${j}-2023`);
  for (const j of judges) await addJudge(h.db, contestId, j);
  await assignRounds(h.client, contestId, [judges]);

  // Before publication: published false and both lists empty (CONTRACT), for anyone.
  const before = must(await call<Results>(RESIDENT, { action: 'results', contestId }));
  expect(before).toEqual({ published: false, rule: { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] }, awards: [], ranking: [] });

  await setFunctionsClock(h, 3 * HOUR);
  // The fifth judge (the +5 one) declares a conflict with the sixth contestant: her scores of him never count.
  must(await call(judges[4], { action: 'declareConflict', contestId, candidateId: candidates[5], note: '曾在同一单位共事' }));
  // Judges score side by side, each one contestant after another (as on their phones).
  await inParallel(judges, judges.length, async (openid, j) => {
    for (const [i, candidateId] of candidates.entries()) {
      if (j === 4 && i === 5) continue;
      must(await call(openid, { action: 'submitScore', contestId, roundKey: 'r1', candidateId, dimensions: scoresOf(i, j) }), `score ${j}/${i}`);
    }
  });

  // Not before the round is locked; a refused publication changes nothing.
  const unlocked = await snapshot(h.db, ['contestResults', 'contests']);
  expect(await call(TEST_ADMIN, { action: 'publish', contestId })).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('尚未锁定') } });
  expect(await snapshot(h.db, ['contestResults', 'contests'])).toEqual(unlocked);
  const check = must(await call<{ ready: boolean; problems: string[]; rounds: { scores: number }[] }>(TEST_ADMIN, { action: 'resultsCheck', contestId }));
  expect(check).toMatchObject({ ready: false, rounds: [{ scores: 84 }] });
  // Only an admin publishes.
  expect(await call(judges[0], { action: 'publish', contestId })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });

  must(await call(TEST_ADMIN, { action: 'lockRound', contestId, roundKey: 'r1' }));
  expect(must(await call<{ ready: boolean }>(TEST_ADMIN, { action: 'resultsCheck', contestId })).ready).toBe(true);
  must(await call(TEST_ADMIN, { action: 'publish', contestId, sheetsPublic: false }));

  const res = must(await call<Results>(RESIDENT, { action: 'results', contestId }));
  expect(res.published).toBe(true);
  expect(res.ranking).toHaveLength(17);
  // Trimmed: level ± (−1, 0, +1) → exactly the level. The recused contestant has 4 judges (< 5): plain mean, −0.75.
  expect(res.ranking.map((r) => r.total)).toEqual([95, 93, 91, 89, 87, 84.25, 83, 81, 79, 77, 75, 73, 71, 69, 67, 65, 63]);
  expect(res.ranking[5]).toMatchObject({ candidateId: candidates[5], dimensions: Object.fromEntries(DIMENSION_KEYS.map((k) => [k, 84.25])) });
  expect(res.ranking.map((r) => r.candidateId)).toEqual(candidates);
  expect(res.awards.map((a) => [a.tier, a.candidateId, a.total])).toEqual([
    ['一等奖', candidates[0], 95],
    ['二等奖', candidates[1], 93],
    ['二等奖', candidates[2], 91],
    ['三等奖', candidates[3], 89],
    ['三等奖', candidates[4], 87],
    ['三等奖', candidates[5], 84.25],
  ]);
  expect(res.awards[0].name).toBe(res.ranking[0].name);

  // Fixed from now on: no second publication, no score, sheets stay private.
  expect(await call(TEST_ADMIN, { action: 'publish', contestId })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  expect(await call(judges[0], { action: 'submitScore', contestId, roundKey: 'r1', candidateId: candidates[16], dimensions: scoresOf(0, 4) })).toMatchObject({ ok: false });
  expect(must(await call<{ sheets: unknown[]; sheetsPublic: boolean }>(RESIDENT, { action: 'resultsSheets', contestId }))).toMatchObject({ published: true, sheetsPublic: false, sheets: [] });

  // The export: a workbook in cloud storage behind a temporary URL, with the published numbers.
  const exported = must(await call<{ tempFileURL: string; rows: number }>(TEST_ADMIN, { action: 'resultsExport', contestId }));
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await (await fetch(exported.tempFileURL)).arrayBuffer()) as unknown as ArrayBuffer);
  const rows = wb.getWorksheet(RESULTS_SHEET)!.getSheetValues().slice(2, 19) as unknown[][];
  const tierOf = (id: string) => res.awards.find((a) => a.candidateId === id)?.tier ?? '';
  expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual(res.ranking.map((r) => [r.name, tierOf(r.candidateId), r.total]));
  const sheetRows = (wb.getWorksheet(SCORES_SHEET)!.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
  expect(sheetRows).toHaveLength(85); // 84 scores + the one recusal
  expect(sheetRows.filter((r) => r.includes('回避'))).toHaveLength(1);

  // Every privileged step on the audit trail.
  const audit = (await readAll<AuditDoc>(h.db, 'audit', {})).filter((a) => JSON.stringify(a).includes(contestId) || candidates.some((c) => a.target.includes(c)));
  const count = (action: string) => audit.filter((a) => a.action === action).length;
  expect(count('contest.setupSave')).toBeGreaterThanOrEqual(2);
  expect(count('contest.reviewRegistration')).toBe(17);
  expect(count('contest.declareConflict')).toBe(1);
  expect(count('contest.submitScore')).toBe(84);
  expect(count('contest.lockRound')).toBe(1);
  expect(count('contest.publish')).toBe(1);
  expect(count('contest.resultsExport')).toBe(1);
  expect(audit.find((a) => a.action === 'contest.publish')).toMatchObject({ actor: TEST_ADMIN, after: { sheetsPublic: false, contestants: 17 } });
});

it('answers not-found for an unknown contest and publishes score sheets when the admin chose to', async () => {
  expect(await call(RESIDENT, { action: 'results', contestId: 'no-such-contest' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  const contestId = await createContest(h.client, { title: '公开评分表测试', rounds: [{ form: '现场述职', kind: 'scored', judges: [] }], awards: [{ tier: '一等奖', count: 1 }] }, -4 * HOUR);
  const { addContestants } = await import('./judging-test-support');
  const [a, b] = await addContestants(h.db, contestId, ['杆石桥', '大观园']);
  await addJudge(h.db, contestId, 'jx-sheets');
  await assignRounds(h.client, contestId, [['jx-sheets']]);
  must(await call('jx-sheets', { action: 'submitScore', contestId, roundKey: 'r1', candidateId: a, dimensions: scoresOf(1, 2), note: '私人备注' }));
  must(await call('jx-sheets', { action: 'submitScore', contestId, roundKey: 'r1', candidateId: b, dimensions: scoresOf(0, 2) }));
  // A judge never reads totals before publication: the check list and preview are the admin's.
  expect(await call('jx-sheets', { action: 'resultsCheck', contestId })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  must(await call(TEST_ADMIN, { action: 'lockRound', contestId, roundKey: 'r1' }));
  must(await call(TEST_ADMIN, { action: 'publish', contestId, sheetsPublic: true }));
  const sheets = must(await call<{ sheets: { label: string; rows: Record<string, unknown>[] }[] }>(RESIDENT, { action: 'resultsSheets', contestId }));
  expect(sheets.sheets).toEqual([{ label: '评委1', rows: [expect.objectContaining({ candidateId: a, recused: false }), expect.objectContaining({ candidateId: b })] }]);
  expect(JSON.stringify(sheets)).not.toMatch(/私人备注|jx-sheets/);
  const res = must(await call<Results>(RESIDENT, { action: 'results', contestId }));
  expect(res.awards).toEqual([{ tier: '一等奖', candidateId: b, name: '选手2', total: 95 }]);
});

it('serves the seeded 2023 contest as published: 17 contestants, 1 first, 2 second and 3 third prizes, public sheets', async () => {
  const res = must(await call<Results>(RESIDENT, { action: 'results', contestId: 'contest-2023' }));
  expect(res.published).toBe(true);
  expect(res.ranking).toHaveLength(17);
  expect(res.awards.map((a) => a.tier)).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖']);
  expect(res.awards.map((a) => a.candidateId)).toEqual(res.ranking.slice(0, 6).map((r) => r.candidateId));
  const totals = res.ranking.map((r) => r.total);
  expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  const sheets = must(await call<{ sheets: { label: string; rows: { recused: boolean }[] }[] }>(RESIDENT, { action: 'resultsSheets', contestId: 'contest-2023' }));
  expect(sheets.sheets.map((s) => s.label)).toEqual(['评委1', '评委2', '评委3', '评委4', '评委5']);
  expect(sheets.sheets.flatMap((s) => s.rows).filter((r) => r.recused)).toHaveLength(2); // one declared conflict, both rounds
});
