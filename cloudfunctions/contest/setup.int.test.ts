import { useFunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';
import { ADMIN, addJudge, createContest, currentEvent, must, setupEvent } from './judging-test-support';

/** Contest set-up through the functions: validation, the rule fixed once scoring starts, the audit trail. */
jest.setTimeout(60_000);

const h = useFunctionHarness();

const DAY = 86_400_000;
const save = (event: Record<string, unknown>, openid = ADMIN) => h.client.call<{ contestId: string }>(openid, 'contest', { action: 'setupSave', ...event });
const get = (contestId: string) => h.client.data<{ contest: Record<string, unknown> & { rule: unknown; ruleText: string; ruleFixed: boolean; rounds: { key: string; judges: string[] }[] } }>(ADMIN, 'contest', { action: 'setupGet', contestId });

describe('set-up validation', () => {
  it.each([
    ['weights that do not add up to 100', { dimensions: setupEvent().dimensions.map((d) => ({ ...d, weight: 10 })) }, '权重之和'],
    ['a dimension twice', { dimensions: setupEvent().dimensions.map((d, i) => ({ ...d, key: i === 1 ? 'organization' : d.key })) }, '各设置一次'],
    ['scoring before registration ends', { scoring: { start: new Date(Date.now() - 30 * DAY).toISOString(), end: new Date(Date.now() + DAY).toISOString() } }, '报名截止之后'],
    ['the quiz form as a judged round', { rounds: [{ form: '知识竞赛', kind: 'scored', judges: [] }] }, '知识竞赛'],
    ['a tie-break dimension twice', { rule: { method: 'mean', trimMinJudges: 5, tieBreak: ['team', 'team'] } }, '不能重复'],
    ['no rounds', { rounds: [] }, '至少设置一轮'],
  ])('refuses %s', async (_label, over, message) => {
    const res = await save(setupEvent(over as never));
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.stringify(res)).toContain(message);
  });

  it('lets only admins set up a contest', async () => {
    await addJudge(h.db, 'contest-current', 'setup-judge');
    for (const who of ['setup-resident', 'setup-judge']) {
      expect(await save(setupEvent(), who)).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    }
  });

  it('refuses judges who are not invited to the contest, and judges on a new contest', async () => {
    expect(await save(setupEvent({ rounds: [{ form: '现场述职', kind: 'scored', judges: ['0123456789abcdef'] }] }))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const contestId = await createContest(h.client, {}, 3 * DAY);
    const res = await save({ ...setupEvent({ rounds: [{ form: '现场述职', kind: 'scored', judges: ['0123456789abcdef'] }] }, 3 * DAY), contestId });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('请先邀请') } });
  });
});

describe('judges on rounds', () => {
  it('refuses a judge who is a candidate of the contest', async () => {
    const contestId = await createContest(h.client, { title: '评委参赛' }, 3 * DAY);
    const openid = `setup-competitor-${contestId}`;
    const key = await addJudge(h.db, contestId, openid, '魏家庄');
    await h.db.collection('candidates').doc(`${contestId}-self`).set({ data: { contestId, secretaryId: `sec-of-${openid}`, name: '参赛评委', community: '测试', street: '魏家庄', status: 'pending', createdAt: new Date() } });
    const got = await h.client.data<{ judges: { judgeKey: string; competing: boolean }[] }>(ADMIN, 'contest', { action: 'setupGet', contestId });
    expect(got.judges).toEqual([expect.objectContaining({ judgeKey: key, competing: true, street: '魏家庄' })]);
    const event = await currentEvent(h.client, contestId);
    const rounds = (event.rounds as { judges: string[] }[]).map((r) => ({ ...r, judges: [key] }));
    expect(await h.client.call(ADMIN, 'contest', { ...event, rounds })).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('参赛选手') } });
  });
});

describe('the scoring rule', () => {
  it('is stored structured, stated in words on the public contest, and changeable before scoring starts', async () => {
    const contestId = await createContest(h.client, { title: '规则可改的比武' }, 3 * DAY);
    const before = await get(contestId);
    expect(before.contest).toMatchObject({ ruleFixed: false, rule: { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] } });
    expect(before.contest.ruleText).toContain('不少于 5 人时去掉一个最高分和一个最低分');
    const changed = { method: 'mean', trimMinJudges: 5, tieBreak: ['team', 'organization'] };
    expect(await save({ ...setupEvent({ title: '规则可改的比武', rule: changed as never }, 3 * DAY), contestId })).toMatchObject({ ok: true });
    expect((await get(contestId)).contest.rule).toEqual(changed);
    // Residents see the rule (structured and in words) on the contest page before scoring starts.
    const list = await h.client.data<{ items: { _id: string; scoringRule: string; rule?: unknown }[] }>('someone', 'contest', { action: 'list' });
    const shown = list.items.find((c) => c._id === contestId);
    expect(shown?.scoringRule).toContain('每个维度取全部评委打分的平均分');
    expect(shown?.scoringRule).toContain('“抓班子带队伍”、“组织建设”');
    expect(shown?.rule).toEqual(changed);
  });

  it('cannot change once scoring has started; the other settings still can', async () => {
    const contestId = await createContest(h.client, { title: '规则已定的比武' });
    const stored = async () => (await h.db.collection('contests').doc(contestId).get()).data as Record<string, unknown>;
    const before = await stored();
    const attempts = [
      { rule: { method: 'mean', trimMinJudges: 5, tieBreak: ['organization'] } },
      { rule: { method: 'trimmed-mean', trimMinJudges: 3, tieBreak: ['organization'] } },
      { dimensions: setupEvent().dimensions.map((d, i) => ({ ...d, maxScore: i === 0 ? 50 : d.maxScore })) },
      { vote: { ...setupEvent().vote, weight: 10 } },
    ];
    for (const over of attempts) {
      const res = await h.client.call(ADMIN, 'contest', await currentEvent(h.client, contestId, over));
      expect(res).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('评分规则') } });
    }
    expect(await stored()).toEqual(before);
    expect(await h.client.call(ADMIN, 'contest', await currentEvent(h.client, contestId, { title: '规则已定的比武（更名）' }))).toMatchObject({ ok: true });
    // Nor can scoring be made to start later once it has started.
    const later = { start: new Date(Date.now() + DAY).toISOString(), end: new Date(Date.now() + 5 * DAY).toISOString() };
    expect(await h.client.call(ADMIN, 'contest', await currentEvent(h.client, contestId, { scoring: later }))).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    const after = await get(contestId);
    expect(after.contest).toMatchObject({ title: '规则已定的比武（更名）', ruleFixed: true });
  });
});

describe('rounds', () => {
  it('keeps round keys, numbers new rounds, and refuses changing or removing a locked round', async () => {
    const contestId = await createContest(h.client, { title: '轮次测试' });
    const first = await get(contestId);
    expect(first.contest.rounds.map((r) => r.key)).toEqual(['r1', 'r2']);
    must(await h.client.call(ADMIN, 'contest', { action: 'lockRound', contestId, roundKey: 'r1' }), 'lock');
    const rounds = [
      { key: 'r1', form: '现场述职', kind: 'scored', judges: [] },
      { key: 'r2', form: '实地观摩', kind: 'scored', judges: [] },
      { form: '知识竞赛', kind: 'quiz', judges: [], quiz: { questionCount: 20, timeLimitSeconds: 600 } },
    ];
    const resave = async (over: Record<string, unknown>) => h.client.call(ADMIN, 'contest', await currentEvent(h.client, contestId, over));
    expect(await resave({ rounds })).toMatchObject({ ok: true });
    expect((await get(contestId)).contest.rounds.map((r) => r.key)).toEqual(['r1', 'r2', 'r3']);
    const withoutLocked = rounds.slice(1);
    expect(await resave({ rounds: withoutLocked })).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('已锁定') } });
    const changedLocked = [{ ...rounds[0], form: '互动交流' }, ...rounds.slice(1)];
    expect(await resave({ rounds: changedLocked })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  });
});

describe('audit', () => {
  it('records every set-up save and lock', async () => {
    const contestId = await createContest(h.client, { title: '审计测试' });
    must(await h.client.call(ADMIN, 'contest', { action: 'lockRound', contestId, roundKey: 'r2' }), 'lock');
    must(await h.client.call(ADMIN, 'contest', { action: 'lockRound', contestId, roundKey: 'r2' }), 'lock again');
    const entries = await readAll<{ action: string; target: string; after: Record<string, unknown> }>(h.db, 'audit', { target: h.db.command.in([`contests/${contestId}`, `contests/${contestId}/rounds/r2`]) });
    expect(entries.filter((e) => e.action === 'contest.setupSave')).toHaveLength(1);
    // Locking twice is one lock, one entry.
    expect(entries.filter((e) => e.action === 'contest.lockRound')).toEqual([expect.objectContaining({ target: `contests/${contestId}/rounds/r2`, after: expect.objectContaining({ locked: true }) })]);
  });
});
