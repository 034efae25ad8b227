import { createHmac } from 'node:crypto';
import { chinaDay, inChina, type SalonDoc } from '@yanzhen/domain';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';

/**
 * Sign-up and check-in through the full stack, with real parallelism (several function instances) and the
 * functions on a clock the test can move (YANZHEN_FAKE_CLOCK=1) for "another day".
 */
jest.setTimeout(120_000);

const INSTANCES = 4;
let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness({ env: { MAX_INSTANCES_PER_FUNCTION: String(INSTANCES), YANZHEN_FAKE_CLOCK: '1' } });
  // Thirty bound secretaries of the test's own.
  await Promise.all(SECRETARIES.map((s) => h.db.collection('users').doc(s.openid).set({ data: { roles: ['secretary'], secretaryId: s.id } })));
}, 90_000);
afterAll(() => h?.stop());

const SECRETARIES = Array.from({ length: 30 }, (_x, i) => ({ openid: `signup-${i}`, id: `sig-${String(i).padStart(2, '0')}` }));
const ADMIN = 'demo-admin';
const DAY = 86_400_000;

type Mine = { status: 'accepted' | 'waiting' | 'none'; position?: number; checkedIn: boolean };
const salonCall = <T>(openid: string, event: Record<string, unknown>) => h.client.call<T>(openid, 'salon', event);
const stored = async (id: string) => (await h.db.collection<SalonDoc>('salons').doc(id).get()).data as SalonDoc;

async function setFunctionsClock(offsetMs: number): Promise<void> {
  const res = await fetch(`${h.cloud.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
  expect(res.status).toBe(200);
}

/** A salon written directly (as the seed does), so that its day and its lists are the test's choice. */
async function putSalon(id: string, fields: Partial<SalonDoc>): Promise<void> {
  const now = Date.now();
  const salon: Omit<SalonDoc, '_id'> = {
    title: '测试沙龙', topic: '停车管理', theme: '测试', date: new Date(`${id.slice('salon-'.length)}-19T14:30:00+08:00`), place: '测试地点',
    location: { type: 'Point', coordinates: [117, 36.65] }, hostStreet: '大观园', presenters: [], departments: [], experts: [],
    capacity: 20, signupOpensAt: new Date(now - DAY), signupClosesAt: new Date(now + 20 * DAY), status: 'planned',
    seatsLeft: 20, accepted: [], waiting: [], checkedIn: [], checkInSecret: `secret-of-${id}`, createdAt: new Date(now), updatedAt: new Date(now),
    ...fields,
  };
  await h.db.collection('salons').doc(id).set({ data: salon });
}

describe('sign-up', () => {
  const SALON = 'salon-2041-01';
  beforeAll(() => putSalon(SALON, { capacity: 20, seatsLeft: 20 }));

  it('accepts exactly 20 of 30 concurrent sign-ups for 20 places and queues the other 10 in order', async () => {
    const results = await Promise.all(SECRETARIES.map((s) => salonCall<Mine>(s.openid, { action: 'signUp', salonId: SALON })));
    const data = results.map((r) => {
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      return r.data;
    });
    expect(data.filter((d) => d.status === 'accepted')).toHaveLength(20);
    const waiting = data.filter((d) => d.status === 'waiting');
    expect(waiting.map((d) => d.position).sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 10 }, (_x, i) => i + 1));
    const s = await stored(SALON);
    expect(s.seatsLeft).toBe(0);
    expect(new Set(s.accepted).size).toBe(20);
    expect(new Set(s.waiting).size).toBe(10);
    expect(new Set([...s.accepted, ...s.waiting]).size).toBe(30);
    const view = await h.client.data<{ signedUp: number; waitingCount: number; seatsLeft: number }>('someone', 'salon', { action: 'get', salonId: SALON });
    expect(view).toMatchObject({ signedUp: 20, waitingCount: 10, seatsLeft: 0 });
  });

  it('signing up again changes nothing', async () => {
    const before = await stored(SALON);
    const first = SECRETARIES.find((x) => x.id === before.accepted[0]);
    const again = await salonCall<Mine>(first?.openid ?? '', { action: 'signUp', salonId: SALON });
    expect(again).toMatchObject({ ok: true, data: { status: 'accepted' } });
    const after = await stored(SALON);
    expect([after.accepted, after.waiting, after.seatsLeft]).toEqual([before.accepted, before.waiting, before.seatsLeft]);
  });

  it('a cancellation moves the first of the queue up; leaving the queue moves the others forward', async () => {
    const before = await stored(SALON);
    const leaving = SECRETARIES.find((x) => x.id === before.accepted[3]);
    const head = SECRETARIES.find((x) => x.id === before.waiting[0]);
    const second = SECRETARIES.find((x) => x.id === before.waiting[1]);
    const left = await salonCall<Mine & { promotedCount: number }>(leaving?.openid ?? '', { action: 'cancel', salonId: SALON });
    expect(left).toMatchObject({ ok: true, data: { status: 'none', promotedCount: 1 } });
    expect(await h.client.data<{ me: Mine }>(head?.openid ?? '', 'salon', { action: 'get', salonId: SALON })).toMatchObject({ me: { status: 'accepted' } });
    expect(await h.client.data<{ me: Mine }>(second?.openid ?? '', 'salon', { action: 'get', salonId: SALON })).toMatchObject({ me: { status: 'waiting', position: 1 } });
    const s = await stored(SALON);
    expect(s.accepted).toHaveLength(20);
    expect(s.waiting).toEqual(before.waiting.slice(1));
    expect(s.seatsLeft).toBe(0);
    // Leaving the waiting list frees no place.
    expect(await salonCall(second?.openid ?? '', { action: 'cancel', salonId: SALON })).toMatchObject({ ok: true, data: { status: 'none', promotedCount: 0 } });
    expect((await stored(SALON)).waiting).toEqual(before.waiting.slice(2));
  });

  it('more places move the waiting list up; fewer than the accepted ones are refused', async () => {
    const before = await stored(SALON);
    expect(await salonCall(ADMIN, { action: 'update', salonId: SALON, capacity: 19 })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
    expect(await salonCall(ADMIN, { action: 'update', salonId: SALON, capacity: 22 })).toMatchObject({ ok: true, data: { capacity: 22, signedUp: 22, seatsLeft: 0 } });
    expect((await stored(SALON)).accepted.slice(20)).toEqual(before.waiting.slice(0, 2));
  });

  it('refuses sign-ups outside the window and from non-secretaries', async () => {
    await putSalon('salon-2041-02', { signupOpensAt: new Date(Date.now() + DAY) });
    expect(await salonCall(SECRETARIES[0].openid, { action: 'signUp', salonId: 'salon-2041-02' })).toMatchObject({ error: { code: 'failed-precondition', message: '本期沙龙报名还未开始' } });
    expect((await stored('salon-2041-02')).seatsLeft).toBe(20);
    expect(await salonCall('a-resident', { action: 'signUp', salonId: SALON })).toMatchObject({ error: { code: 'permission-denied' } });
  });
});

describe('check-in', () => {
  // The salon of this China-time month, held today at 14:30 China time (earlier or later than now: either way today).
  const today = inChina(new Date());
  const SALON = `salon-${today.format('YYYY-MM')}`;
  const OTHER = 'salon-2041-03';
  const [alice, bob] = SECRETARIES;
  beforeAll(async () => {
    const date = today.startOf('day').add(14, 'hour').add(30, 'minute').toDate();
    await putSalon(SALON, { date, accepted: [alice.id, bob.id], seatsLeft: 18, signupClosesAt: new Date(date.getTime() - 60_000), signupOpensAt: new Date(date.getTime() - 10 * DAY) });
    await putSalon(OTHER, { accepted: [alice.id], seatsLeft: 19 });
  });
  afterEach(() => setFunctionsClock(0));

  const codeOf = async (salonId: string) => (await h.client.data<{ scene: string; fileID: string; tempFileURL: string }>(ADMIN, 'salon', { action: 'checkInCode', salonId })).scene;

  it('gives the venue a mini-program code whose scene fits in 32 characters', async () => {
    const code = await h.client.data<{ scene: string; fileID: string; tempFileURL: string; page: string }>(ADMIN, 'salon', { action: 'checkInCode', salonId: SALON });
    expect(code.scene.length).toBeLessThanOrEqual(32);
    expect(code).toMatchObject({ page: 'salon/checkin/index', fileID: expect.stringMatching(/^cloud:\/\//) });
    const png = await fetch(code.tempFileURL);
    expect(png.status).toBe(200);
    expect((await png.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('refuses a code from another salon', async () => {
    const other = await codeOf(OTHER);
    expect(await salonCall(alice.openid, { action: 'checkIn', salonId: SALON, scene: other })).toMatchObject({ error: { code: 'failed-precondition', message: '这是另一期沙龙的签到码' } });
    // The other salon's mac on this salon's month is no code at all.
    const forged = `ci.${today.format('YYYY-MM')}.${other.split('.')[2]}`;
    expect(await salonCall(alice.openid, { action: 'checkIn', scene: forged })).toMatchObject({ error: { code: 'failed-precondition' } });
    expect((await stored(SALON)).checkedIn).toEqual([]);
  });

  it('refuses a code made for another day, and today\'s code on another day', async () => {
    const yesterday = chinaDay(new Date(Date.now() - DAY));
    const mac = createHmac('sha256', `secret-of-${SALON}`).update(`${SALON}|${yesterday}`).digest('base64url').slice(0, 16);
    expect(await salonCall(alice.openid, { action: 'checkIn', scene: `ci.${today.format('YYYY-MM')}.${mac}` })).toMatchObject({ error: { code: 'failed-precondition' } });
    const scene = await codeOf(SALON);
    await setFunctionsClock(2 * DAY);
    expect(await salonCall(alice.openid, { action: 'checkIn', salonId: SALON, scene })).toMatchObject({ error: { code: 'failed-precondition', message: expect.stringContaining('只在沙龙当天') } });
    expect((await stored(SALON)).checkedIn).toEqual([]);
  });

  it('takes a check-in queued offline on the salon day and sent the next morning', async () => {
    const scene = await codeOf(SALON);
    await setFunctionsClock(DAY);
    const scannedAt = new Date(Date.now() - 60_000).toISOString();
    expect(await salonCall(bob.openid, { action: 'checkIn', salonId: SALON, scene, scannedAt })).toMatchObject({ ok: true, data: { checkedIn: true, first: true } });
  });

  it('counts the same check-in sent twice once', async () => {
    const scene = await codeOf(SALON);
    const twice = await Promise.all([1, 2].map(() => salonCall<{ first: boolean }>(alice.openid, { action: 'checkIn', salonId: SALON, scene })));
    expect(twice.every((r) => r.ok)).toBe(true);
    expect(twice.filter((r) => r.ok && r.data.first)).toHaveLength(1);
    const s = await stored(SALON);
    expect(s.checkedIn.filter((x) => x === alice.id)).toHaveLength(1);
    expect(await h.client.data<{ checkedInCount: number }>('someone', 'salon', { action: 'get', salonId: SALON })).toMatchObject({ checkedInCount: 2 });
    // Someone not signed up cannot check in with the right code.
    expect(await salonCall(SECRETARIES[5].openid, { action: 'checkIn', scene })).toMatchObject({ error: { code: 'failed-precondition' } });
  });
});
