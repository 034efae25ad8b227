import type { SalonDoc } from '@yanzhen/domain';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';

/**
 * 你问我答, the archive and the reminders through the full stack with the demo data (scripts/seed/salons.ts:
 * eleven archived salons and the next one, whose presenters already hold seats). demo-secretary (sec-01) is no
 * presenter of the next salon; PRESENTER binds to its first presenter, the host street's secretary.
 */
jest.setTimeout(90_000);

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';
const PRESENTER = 'qa-presenter';
const RESIDENT = 'qa-resident';

let h: FunctionHarness;
let next: SalonDoc;
let past: SalonDoc;

interface Question { _id: string; text: string; upvotes: number; voted: boolean; answers: { secretaryId: string; text: string }[]; answeredOnSite: boolean }
interface Qa { items: Question[]; comments: { department: string; caseTitle: string | null; text: string }[]; viewer: { canAsk: boolean; canAnswer: boolean; canMarkOnSite: boolean } }
interface OutboxMessage { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }

const outbox = async (): Promise<OutboxMessage[]> => (await (await fetch(`${h.cloud.url}/api/dev/outbox`)).json()) as OutboxMessage[];
const fireTimer = async () => ((await (await fetch(`${h.cloud.url}/api/dev/timers/salon/dailyReminders`, { method: 'POST' })).json()) as { result: { ok: boolean; data: { sent: number; salons: number } } }).result;
const setClock = (offsetMs: number) => fetch(`${h.cloud.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ offsetMs }) });

beforeAll(async () => {
  h = await startFunctionHarness({ env: { YANZHEN_FAKE_CLOCK: '1', MAX_INSTANCES_PER_FUNCTION: '4' } });
  const salons = await readAll<SalonDoc>(h.db, 'salons', {});
  salons.sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime());
  [next, past] = salons;
  // The presenter binds her WeChat with a code from the district office, as in production.
  const { code } = await h.client.data<{ code: string }>(ADMIN, 'user', { action: 'issueBindingCode', secretaryId: next.presenters[0].secretaryId });
  await h.client.data(PRESENTER, 'user', { action: 'redeemCode', code });
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe('你问我答', () => {
  let question: Question;

  it('lets a secretary ask (content checked first) and refuses residents', async () => {
    question = await h.client.data<Question>(SECRETARY, 'salon', { action: 'ask', salonId: next._id, text: '共享车位夜间被占用，社区怎么约束？' });
    expect(question).toMatchObject({ upvotes: 0, answers: [], answeredOnSite: false });
    expect(await h.client.call(RESIDENT, 'salon', { action: 'ask', salonId: next._id, text: '我也想问' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(await h.client.call(SECRETARY, 'salon', { action: 'ask', salonId: next._id, text: '小区里有人赌博怎么办' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    // An archived salon takes no more questions.
    expect(await h.client.call(SECRETARY, 'salon', { action: 'ask', salonId: past._id, text: '会后还能提问吗？' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  });

  it('counts one upvote per person, however many taps arrive at once', async () => {
    const voters = Array.from({ length: 8 }, (_x, i) => `qa-voter-${i}`);
    const taps = voters.flatMap((v) => [v, v, v]);
    const answers = await Promise.all(taps.map((v) => h.client.call<{ counted: boolean }>(v, 'salon', { action: 'upvote', questionId: question._id })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(voters.length);
    const qa = await h.client.data<Qa>('qa-voter-0', 'salon', { action: 'questions', salonId: next._id });
    expect(qa.items.find((q) => q._id === question._id)).toMatchObject({ upvotes: voters.length, voted: true });
    expect((await h.client.data<Qa>(RESIDENT, 'salon', { action: 'questions', salonId: next._id })).items[0].voted).toBe(false);
    expect(await readAll(h.db, 'salonQuestionVotes', { questionId: question._id })).toHaveLength(voters.length);
  });

  it('takes answers from the salon’s presenters only', async () => {
    expect(await h.client.call(SECRETARY, 'salon', { action: 'answer', questionId: question._id, text: '我来答' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(await h.client.call(RESIDENT, 'salon', { action: 'answer', questionId: question._id, text: '我来答' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    await h.client.data(PRESENTER, 'salon', { action: 'answer', questionId: question._id, text: '我们用认领制：车位认领人负责夜间管理。' });
    await h.client.data(PRESENTER, 'salon', { action: 'answer', questionId: question._id, text: '补充：认领人每季度轮换一次。' });
    const qa = await h.client.data<Qa>(RESIDENT, 'salon', { action: 'questions', salonId: next._id });
    const answers = qa.items.find((q) => q._id === question._id)?.answers ?? [];
    // Answering again replaces the presenter's own answer.
    expect(answers.map((a) => [a.secretaryId, a.text])).toEqual([[next.presenters[0].secretaryId, '补充：认领人每季度轮换一次。']]);
    expect((await h.client.data<Qa>(PRESENTER, 'salon', { action: 'questions', salonId: next._id })).viewer).toMatchObject({ canAnswer: true, canMarkOnSite: true });
  });

  it('lets the host street (or an admin) mark a question answered on site', async () => {
    const [sec01] = await readAll<{ street: string }>(h.db, 'secretaries', { _id: 'sec-01' });
    expect(sec01.street).not.toBe(next.hostStreet); // demo-secretary is not of the host street
    expect(await h.client.call(SECRETARY, 'salon', { action: 'markOnSite', questionId: question._id, answeredOnSite: true })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    await h.client.data(PRESENTER, 'salon', { action: 'markOnSite', questionId: question._id, answeredOnSite: true });
    const qa = await h.client.data<Qa>(RESIDENT, 'salon', { action: 'questions', salonId: next._id });
    expect(qa.items.find((q) => q._id === question._id)?.answeredOnSite).toBe(true);
  });

  it('records a department’s comment on a case (admin only)', async () => {
    const presenter = next.presenters[1];
    await h.client.data(ADMIN, 'salon', { action: 'comment', salonId: next._id, caseSecretaryId: presenter.secretaryId, department: '区住建局', text: '做法可复制，建议推广。' });
    expect(await h.client.call(ADMIN, 'salon', { action: 'comment', salonId: next._id, caseSecretaryId: 'sec-nobody', department: '区住建局', text: '？' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const qa = await h.client.data<Qa>(RESIDENT, 'salon', { action: 'questions', salonId: next._id });
    expect(qa.comments).toEqual([expect.objectContaining({ department: '区住建局', caseTitle: presenter.caseTitle, text: '做法可复制，建议推广。' })]);
  });
});

describe('the archive', () => {
  interface ArchiveItem { _id: string; topic: string; hostStreet: string; photoCount: number; hasMinutes: boolean; coverUrl: string | null }

  it('lists archived salons newest first, by topic, street and words', async () => {
    const all = await h.client.data<{ items: ArchiveItem[]; topics: string[] }>(RESIDENT, 'salon', { action: 'archiveList' });
    expect(all.items).toHaveLength(11);
    expect(all.items[0]).toMatchObject({ _id: past._id, hasMinutes: true });
    expect(all.items[0].photoCount).toBeGreaterThan(0);
    expect(all.items.map((s) => s._id)).not.toContain(next._id);
    const parking = await h.client.data<{ items: ArchiveItem[] }>(RESIDENT, 'salon', { action: 'archiveList', topic: '停车管理' });
    expect(parking.items.length).toBeGreaterThan(0);
    for (const s of parking.items) expect(s.topic).toBe('停车管理');
    const street = await h.client.data<{ items: ArchiveItem[] }>(RESIDENT, 'salon', { action: 'archiveList', street: past.hostStreet });
    expect(street.items.map((s) => s._id)).toEqual([past._id]);
    const words = await h.client.data<{ items: ArchiveItem[] }>(RESIDENT, 'salon', { action: 'archiveList', q: past.theme.slice(0, 4) });
    expect(words.items.map((s) => s._id)).toContain(past._id);
  });

  it('shows a resident the archived salon with minutes, photos, Q&A and comments, no sign-up lists', async () => {
    const record = await h.client.data<{ archived: boolean; minutes: string; photos: { url: string | null }[]; qa: Qa }>(RESIDENT, 'salon', { action: 'archiveGet', salonId: past._id });
    expect(record.archived).toBe(true);
    expect(record.minutes).toContain(past.theme);
    expect(record.photos[0].url).toMatch(/^https?:\/\//);
    expect(record.qa.items.length).toBeGreaterThan(0);
    expect(record.qa.items[0].answers.length).toBeGreaterThan(0);
    expect(record.qa.comments.length).toBeGreaterThan(0);
    const text = JSON.stringify(record);
    for (const secret of ['accepted', 'checkInSecret', 'askerKey', 'voterKey', 'demo-secretary']) expect(text).not.toContain(secret);
  });

  it('lets only an admin save minutes, and only with photos uploaded for that salon', async () => {
    expect(await h.client.call(SECRETARY, 'salon', { action: 'saveArchive', salonId: past._id, minutes: '改写', photos: [] })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    const elsewhere = `cloud://yanzhen-local.bucket/showcases/sec-01/seed-portrait.png`;
    expect(await h.client.call(ADMIN, 'salon', { action: 'saveArchive', salonId: past._id, minutes: '纪要', photos: [{ fileId: elsewhere, caption: '' }] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const before = await h.client.data<{ photos: { fileId: string; caption: string }[] }>(ADMIN, 'salon', { action: 'archiveGet', salonId: past._id });
    const photos = before.photos.map(({ fileId, caption }) => ({ fileId, caption }));
    await h.client.data(ADMIN, 'salon', { action: 'saveArchive', salonId: past._id, minutes: '会议纪要（修订）', photos });
    expect((await h.client.data<{ minutes: string }>(RESIDENT, 'salon', { action: 'archiveGet', salonId: past._id })).minutes).toBe('会议纪要（修订）');
  });
});

describe('reminders the day before', () => {
  afterAll(async () => {
    await setClock(0);
  });

  it('refuses a timer event sent by a user', async () => {
    const forged = await h.client.call(RESIDENT, 'salon', { Type: 'Timer', TriggerName: 'dailyReminders', Time: new Date().toISOString() });
    expect(forged).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  });

  it('sends each recorded subscription once, even when the timer fires twice', async () => {
    await h.client.data(PRESENTER, 'salon', { action: 'remindMe', salonId: next._id });
    await h.client.data(PRESENTER, 'salon', { action: 'remindMe', salonId: next._id });
    // demo-secretary subscribed but holds no seat: no reminder for her.
    await h.client.data(SECRETARY, 'salon', { action: 'remindMe', salonId: next._id });
    const before = (await outbox()).length;
    // 09:00 China time on the day before the salon.
    const dayBefore = Date.parse(`${new Date(new Date(next.date).getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10)}T09:00:00+08:00`);
    await setClock(dayBefore - Date.now());
    const [a, b] = await Promise.all([fireTimer(), fireTimer()]);
    const c = await fireTimer();
    expect([a, b, c].every((r) => r.ok && r.data.salons === 1)).toBe(true);
    expect([a, b, c].map((r) => r.data.sent).reduce((x, y) => x + y, 0)).toBe(1);
    const sent = (await outbox()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: PRESENTER, page: expect.stringContaining(next._id) });
    expect(sent[0].data.thing1.value).toBe(next.title);
  });
});
