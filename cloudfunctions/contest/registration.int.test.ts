import { Workbook } from 'exceljs';
import { REGISTRATION_RESULT_TEMPLATE_ID } from '@yanzhen/domain';
import { readAll } from '../test-support/functions-client';
import { snapshot, uploadTinyPng, useFunctionHarness } from '../test-support/local-cloud';
import {
  bindSecretary, createRegistrationContest, materialsOf, outboxOf, registerAndApprove, SEEDED_SECRETARIES, secretaryOpenid, TEST_ADMIN,
} from './contest-test-support';

/**
 * Registration (secretary) and review (admin) through the real `contest` function on a seeded local cloud.
 * Each test uses a contest of its own (registration open unless said otherwise) so that they do not meet.
 */
jest.setTimeout(90_000);

const DAY = 86_400_000;
const h = useFunctionHarness({}, 90_000);
const upload = uploadTinyPng;

const contest = (openid: string, event: Record<string, unknown>) => h.client.call<Record<string, unknown>>(openid, 'contest', event);
const register = (openid: string, contestId: string, extra: Record<string, unknown> = {}) =>
  contest(openid, { action: 'register', contestId, ...materialsOf('x'), ...extra });

interface Mine {
  open: { _id: string }[];
  items: { _id: string; contestId: string; status: string; rejectReason: string | null; registrationOpen: boolean }[];
}
const mine = (openid: string) => h.client.data<Mine>(openid, 'contest', { action: 'myRegistrations' });

async function bound(secretaryId: string): Promise<string> {
  const openid = secretaryOpenid(secretaryId);
  if (openid !== 'demo-secretary') await bindSecretary(h.db, openid, secretaryId);
  return openid;
}

it('registers a secretary once, lets her withdraw while registration is open, and register again', async () => {
  await createRegistrationContest(h.db, 'reg-basic');
  const me = await bound('sec-02');
  expect((await mine(me)).open.map((c) => c._id)).toContain('reg-basic');
  const first = await register(me, 'reg-basic');
  expect(first).toMatchObject({ ok: true, data: { _id: 'reg-reg-basic-sec-02', status: 'pending', name: expect.any(String) } });
  expect(JSON.stringify(first)).not.toContain(me); // no OpenID comes back

  // A second registration is refused; one document stays.
  expect(await register(me, 'reg-basic')).toMatchObject({ ok: false, error: { code: 'already-exists' } });
  expect(await readAll(h.db, 'candidates', { contestId: 'reg-basic' })).toHaveLength(1);

  expect(await contest(me, { action: 'withdrawRegistration', contestId: 'reg-basic' })).toMatchObject({ ok: true, data: { status: 'withdrawn' } });
  expect((await mine(me)).items.find((r) => r.contestId === 'reg-basic')).toMatchObject({ status: 'withdrawn', registrationOpen: true });
  expect(await register(me, 'reg-basic')).toMatchObject({ ok: true, data: { _id: 'reg-reg-basic-sec-02', status: 'pending' } });
  expect(await readAll(h.db, 'candidates', { contestId: 'reg-basic' })).toHaveLength(1);
});

it('refuses two registrations arriving at once but one', async () => {
  await createRegistrationContest(h.db, 'reg-race');
  const me = await bound('sec-03');
  const answers = await Promise.all(Array.from({ length: 4 }, () => register(me, 'reg-race')));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ error: { code: 'already-exists' } });
  expect(await readAll(h.db, 'candidates', { contestId: 'reg-race' })).toHaveLength(1);
});

it('refuses registration and withdrawal outside the registration window, and stores nothing', async () => {
  const now = Date.now();
  await createRegistrationContest(h.db, 'reg-closed', { registration: { start: new Date(now - 10 * DAY), end: new Date(now - DAY) } });
  await createRegistrationContest(h.db, 'reg-future', { registration: { start: new Date(now + DAY), end: new Date(now + 10 * DAY) } });
  const me = await bound('sec-04');
  expect(await register(me, 'reg-closed')).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('截止') } });
  expect(await register(me, 'reg-future')).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('开始') } });
  expect(await readAll(h.db, 'candidates', { secretaryId: 'sec-04', contestId: 'reg-closed' })).toEqual([]);
  expect((await mine(me)).open.map((c) => c._id)).not.toContain('reg-closed');

  // Registered while open; the deadline passes; withdrawing is then refused and changes nothing.
  await createRegistrationContest(h.db, 'reg-deadline');
  expect(await register(me, 'reg-deadline')).toMatchObject({ ok: true });
  await h.db.collection('contests').doc('reg-deadline').update({ data: { registration: { start: new Date(now - 10 * DAY), end: new Date(now - 1000) } } });
  const before = await snapshot(h.db, ['candidates']);
  expect(await contest(me, { action: 'withdrawRegistration', contestId: 'reg-deadline' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  expect(await snapshot(h.db, ['candidates'])).toEqual(before);
});

it('refuses risky text and photos that are not her own, and a judge of the contest', async () => {
  await createRegistrationContest(h.db, 'reg-checks');
  const me = await bound('sec-05');
  expect(await register(me, 'reg-checks', { summary: '欢迎来玩赌博游戏。' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  const others = await upload('contest/reg-checks/sec-06/photo.png');
  expect(await register(me, 'reg-checks', { photoFileIds: [others] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  expect(await readAll(h.db, 'candidates', { contestId: 'reg-checks' })).toEqual([]);

  const judge = await bound('sec-06');
  await h.db.collection('judgeAssignments').doc(`judge-reg-checks-${judge}`).set({ data: { contestId: 'reg-checks', openid: judge, key: 'k', createdAt: new Date() } });
  expect(await register(judge, 'reg-checks')).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('评委') } });
  // Only secretaries register; only admins review.
  expect(await register('a-resident', 'reg-checks')).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  expect(await contest(me, { action: 'registrationList', contestId: 'reg-checks' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
});

it('approves only after every photo passed its content check', async () => {
  await createRegistrationContest(h.db, 'reg-photos');
  const me = await bound('sec-07');
  const risky = await upload('contest/reg-photos/sec-07/risky-1.png');
  const good = await upload('contest/reg-photos/sec-07/ok-1.png');
  const other = await bound('sec-08');
  const fine = await upload('contest/reg-photos/sec-08/ok-2.png');
  expect(await register(me, 'reg-photos', { photoFileIds: [good, risky] })).toMatchObject({ ok: true });
  expect(await register(other, 'reg-photos', { photoFileIds: [fine] })).toMatchObject({ ok: true });
  // The local cloud pushes the verdicts shortly after (a file named risky… is risky).
  const checks = async () => (await h.client.data<{ items: { secretaryId: string; photos: { check: string }[] }[] }>(TEST_ADMIN, 'contest', { action: 'registrationList', contestId: 'reg-photos' })).items;
  for (let i = 0; i < 50 && (await checks()).some((r) => r.photos.some((p) => p.check === 'pending')); i++) await new Promise((r) => setTimeout(r, 100));
  expect((await checks()).find((r) => r.secretaryId === 'sec-07')?.photos.map((p) => p.check)).toEqual(['pass', 'risky']);
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-photos-sec-07', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-photos-sec-08', decision: 'approve' })).toMatchObject({ ok: true, data: { status: 'approved' } });
});

it('rejects with a reason the secretary reads, audited, and tells her once by subscribe message', async () => {
  await createRegistrationContest(h.db, 'reg-review', { title: '第二期书记大比武' });
  const me = await bound('sec-09');
  const quiet = await bound('sec-10');
  expect(await register(me, 'reg-review', { notifyResult: true })).toMatchObject({ ok: true });
  expect(await register(quiet, 'reg-review', { notifyResult: false })).toMatchObject({ ok: true });

  // A reject needs a reason.
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-review-sec-09', decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  const reason = '项目材料缺少成效数据，请补充后重新报名';
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-review-sec-09', decision: 'reject', reason })).toMatchObject({ ok: true, data: { status: 'rejected', rejectReason: reason } });
  expect((await mine(me)).items.find((r) => r.contestId === 'reg-review')).toMatchObject({ status: 'rejected', rejectReason: reason });
  // Decided once: a second review is refused.
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-review-sec-09', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });

  const sent = await outboxOf(h.cloud.url, me);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ templateId: REGISTRATION_RESULT_TEMPLATE_ID, page: 'secretary/contest-registration/index', data: { thing1: { value: '第二期书记大比武' }, phrase2: { value: '未通过' } } });
  for (const v of Object.values(sent[0].data)) expect([...v.value].length).toBeLessThanOrEqual(20);

  // She did not accept a message: none is sent.
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistration', candidateId: 'reg-reg-review-sec-10', decision: 'approve' })).toMatchObject({ ok: true });
  expect(await outboxOf(h.cloud.url, quiet)).toEqual([]);

  const audit = await readAll<{ action: string; target: string; before: unknown; after: { decision: string; rejectReason: string | null } }>(h.db, 'audit', { action: 'contest.reviewRegistration', target: 'secretaries/sec-09' });
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ before: { contestId: 'reg-review', status: 'pending' }, after: { decision: 'reject', status: 'rejected', rejectReason: reason } });
  const readable = await h.client.data<{ items: { actionLabel: string; targetLabel: string }[] }>(TEST_ADMIN, 'user', { action: 'auditList', operation: 'contest.reviewRegistration' });
  expect(readable.items[0].targetLabel).toContain('书记档案');
});

it('reviews 17 registrations in bulk: filters, counts, audit, and the approved become the contest’s candidates', async () => {
  await createRegistrationContest(h.db, 'reg-17');
  const ids = await registerAndApprove(h.client, h.db, 'reg-17', SEEDED_SECRETARIES.slice(0, 14));
  expect(ids).toHaveLength(14);
  // Three more: two rejected in bulk with a reason, one withdrawn by herself.
  const rest = SEEDED_SECRETARIES.slice(14);
  for (const s of rest) expect(await register(await bound(s), 'reg-17')).toMatchObject({ ok: true });
  expect(await contest(TEST_ADMIN, { action: 'reviewRegistrations', contestId: 'reg-17', candidateIds: rest.slice(0, 2).map((s) => `reg-reg-17-${s}`), decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  const bulk = await h.client.data<{ done: string[]; skipped: { candidateId: string }[] }>(TEST_ADMIN, 'contest', {
    action: 'reviewRegistrations', contestId: 'reg-17', candidateIds: [...rest.slice(0, 2).map((s) => `reg-reg-17-${s}`), ids[0]], decision: 'reject', reason: '名额已满',
  });
  expect(bulk.done).toEqual(rest.slice(0, 2).map((s) => `reg-reg-17-${s}`));
  expect(bulk.skipped).toEqual([{ candidateId: ids[0], message: expect.stringContaining('已审核') }]);
  expect(await contest(secretaryOpenid(rest[2]), { action: 'withdrawRegistration', contestId: 'reg-17' })).toMatchObject({ ok: true });

  interface List { counts: Record<string, number>; items: { _id: string; status: string; street: string }[] }
  const all = await h.client.data<List>(TEST_ADMIN, 'contest', { action: 'registrationList', contestId: 'reg-17' });
  expect(all.counts).toEqual({ pending: 0, approved: 14, rejected: 2, withdrawn: 1 });
  expect(all.items).toHaveLength(17);
  const rejected = await h.client.data<List>(TEST_ADMIN, 'contest', { action: 'registrationList', contestId: 'reg-17', status: 'rejected' });
  expect(rejected.items.map((r) => r._id).sort()).toEqual(rest.slice(0, 2).map((s) => `reg-reg-17-${s}`).sort());
  const street = all.items[0].street;
  const byStreet = await h.client.data<List>(TEST_ADMIN, 'contest', { action: 'registrationList', contestId: 'reg-17', street });
  expect(byStreet.items.length).toBeGreaterThan(0);
  expect(byStreet.items.every((r) => r.street === street)).toBe(true);

  // The approved are the contest's candidates for residents (voting reads status approved).
  const candidates = await h.client.data<{ items: { _id: string }[] }>('a-resident', 'contest', { action: 'candidates', contestId: 'reg-17' });
  expect(candidates.items.map((c) => c._id).sort()).toEqual([...ids].sort());
  const audited = await readAll<{ after: { contestId: string } }>(h.db, 'audit', { action: 'contest.reviewRegistration' });
  expect(audited.filter((a) => a.after.contestId === 'reg-17')).toHaveLength(16);
});

it('exports the registrations to a workbook in cloud storage that opens with exceljs', async () => {
  await createRegistrationContest(h.db, 'reg-export', { title: '导出测试比武' });
  await registerAndApprove(h.client, h.db, 'reg-export', ['sec-11', 'sec-12']);
  const res = await h.client.data<{ fileID: string; tempFileURL: string; rows: number }>(TEST_ADMIN, 'contest', { action: 'registrationsExport', contestId: 'reg-export' });
  expect(res).toMatchObject({ rows: 2, fileID: expect.stringMatching(/^cloud:\/\/.+\.xlsx$/), tempFileURL: expect.stringMatching(/^http/) });
  const file = await fetch(res.tempFileURL);
  expect(file.status).toBe(200);
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('报名名单');
  expect(ws?.getRow(1).getCell(2).value).toBe('姓名');
  expect(ws?.rowCount).toBe(3);
  expect(ws?.getRow(2).getCell(5).value).toBe('已通过');
  expect(await readAll(h.db, 'audit', { action: 'contest.registrationsExport', target: 'contests/reg-export' })).toHaveLength(1);
  expect(await contest('a-resident', { action: 'registrationsExport', contestId: 'reg-export' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
});

it('the demo’s current contest has 17 approved registrations and one in each other state, with materials', async () => {
  const list = await h.client.data<{ counts: Record<string, number>; items: { name: string; status: string; rejectReason: string | null; materials: { summary: string } }[] }>(TEST_ADMIN, 'contest', { action: 'registrationList', contestId: 'contest-current' });
  expect(list.counts).toEqual({ pending: 1, approved: 17, rejected: 1, withdrawn: 1 });
  expect(list.items[0]).toMatchObject({ status: 'pending', name: '孙雅婷' });
  expect(list.items.find((r) => r.status === 'rejected')?.rejectReason).toBeTruthy();
  for (const r of list.items) expect(r.materials.summary.length).toBeGreaterThan(10);
  // demo-secretary sees her approved registration; the contest's registration is over.
  const mineNow = await mine('demo-secretary');
  expect(mineNow.items.find((r) => r.contestId === 'contest-current')).toMatchObject({ status: 'approved', registrationOpen: false });
});

it('never lets a secretary both register for a contest and become its judge, when the two race', async () => {
  await createRegistrationContest(h.db, 'reg-judge-race');
  for (const secretaryId of ['sec-13', 'sec-14', 'sec-15', 'sec-16', 'sec-17']) {
    const me = await bound(secretaryId);
    const code = (await h.client.data<{ code: string }>(TEST_ADMIN, 'user', { action: 'inviteJudge', contestId: 'reg-judge-race' })).code;
    const [reg, judge] = await Promise.all([register(me, 'reg-judge-race'), h.client.call(me, 'user', { action: 'redeemCode', code })]);
    expect({ secretaryId, both: reg.ok && judge.ok }).toEqual({ secretaryId, both: false });
    const registered = (await readAll<{ status: string }>(h.db, 'candidates', { contestId: 'reg-judge-race', secretaryId })).filter((r) => r.status !== 'rejected');
    const judging = await readAll(h.db, 'judgeAssignments', { contestId: 'reg-judge-race', openid: me });
    expect({ secretaryId, registered: registered.length, judging: judging.length }).toEqual({ secretaryId, registered: reg.ok ? 1 : 0, judging: judge.ok ? 1 : 0 });
  }
});
