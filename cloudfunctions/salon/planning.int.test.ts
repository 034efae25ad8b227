import { inChina, STREETS, type Street } from '@yanzhen/domain';
import { readAll } from '../test-support/functions-client';
import { snapshot, useFunctionHarness } from '../test-support/local-cloud';

/** Salon planning through the full stack, on the demo data (scripts/seed/salons.ts): rotation, calendar, list, get. */
jest.setTimeout(90_000);

const h = useFunctionHarness({}, 90_000);

const ADMIN = 'demo-admin';
const VISITOR = 'salon-visitor';
const admin = <T>(event: Record<string, unknown>) => h.client.call<T>(ADMIN, 'salon', event);
const adminData = <T>(event: Record<string, unknown>) => h.client.data<T>(ADMIN, 'salon', event);

interface RotationView { order: Street[]; proposedHost: Street; nextIssue: number; skips: { street: Street; reason: string }[] }
interface ListItem { _id: string; date: string; hostStreet: string; topic: string; status: string }

/** A salon in `month` (2040-…) for the proposed host: the 19th at 14:30 China time. */
function salonInput(month: string, hostStreet: string) {
  const date = new Date(`${month}-19T14:30:00+08:00`);
  return {
    action: 'create',
    hostStreet,
    date: date.toISOString(),
    topic: '停车管理',
    theme: '测试沙龙',
    place: `${hostStreet}街道党群服务中心`,
    location: { longitude: 117.0, latitude: 36.65 },
    presenters: [{ secretaryId: 'sec-02', caseTitle: '共享车位认领' }],
    departments: ['交警大队'],
    capacity: 30,
    signupOpensAt: new Date(date.getTime() - 20 * 86_400_000).toISOString(),
    signupClosesAt: new Date(date.getTime() - 86_400_000).toISOString(),
  };
}

describe('salon.list and salon.get (contract)', () => {
  it('lists a year of salons newest first with ISO dates and the four statuses', async () => {
    const { items } = await h.client.data<{ items: ListItem[] }>(VISITOR, 'salon', { action: 'list' });
    expect(items).toHaveLength(12);
    for (const s of items) {
      expect(s).toEqual(expect.objectContaining({ _id: expect.stringMatching(/^salon-\d{4}-\d{2}$/), hostStreet: expect.any(String), topic: expect.any(String) }));
      expect(s.date).toBe(new Date(s.date).toISOString());
      expect(['planned', 'open', 'closed', 'archived']).toContain(s.status);
    }
    const dates = items.map((s) => Date.parse(s.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(items[0]).toMatchObject({ status: 'open', hostStreet: '七贤' });
    expect(items.slice(1).every((s) => s.status === 'archived')).toBe(true);
  });

  it('filters by topic and by street', async () => {
    const parking = await h.client.data<{ items: ListItem[] }>(VISITOR, 'salon', { action: 'list', topic: '停车管理' });
    expect(parking.items.length).toBe(2);
    expect(parking.items.every((s) => s.topic === '停车管理')).toBe(true);
    const street = await h.client.data<{ items: ListItem[] }>(VISITOR, 'salon', { action: 'list', street: '杆石桥' });
    expect(street.items.map((s) => s.hostStreet)).toEqual(['杆石桥']);
    expect(await h.client.call(VISITOR, 'salon', { action: 'list', street: '不存在' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('gives one salon with presenters and map point, never the sign-up lists; a secretary sees her own standing', async () => {
    const { items } = await h.client.data<{ items: ListItem[] }>(VISITOR, 'salon', { action: 'list' });
    const next = await h.client.data<Record<string, unknown>>('demo-resident', 'salon', { action: 'get', salonId: items[0]._id });
    expect(next).toMatchObject({ hostStreet: '七贤', status: 'open', location: { longitude: expect.any(Number), latitude: expect.any(Number) }, me: null });
    expect(next).not.toHaveProperty('accepted');
    expect(JSON.stringify(next)).not.toContain('checkInSecret');
    const mine = await h.client.data<{ me: { status: string } }>('demo-secretary', 'salon', { action: 'get', salonId: items[0]._id });
    expect(mine.me).toEqual({ status: 'none', checkedIn: false });
    expect(await h.client.call(VISITOR, 'salon', { action: 'get', salonId: 'salon-1999-01' })).toMatchObject({ error: { code: 'not-found' } });
  });
});

describe('rotation', () => {
  it('shows the coming months: planned salons, then the streets in rotation order', async () => {
    const { items, rotation } = await adminData<{ items: { month: string; salon: { _id: string } | null; proposedHost: string | null }[]; rotation: RotationView }>({ action: 'calendar', months: 12 });
    expect(items).toHaveLength(12);
    expect(items[0].month).toBe(inChina(new Date()).format('YYYY-MM'));
    expect(rotation.proposedHost).toBe('十六里河');
    const proposals = items.filter((m) => !m.salon).map((m) => m.proposedHost);
    const from = STREETS.indexOf('十六里河');
    expect(proposals).toEqual(proposals.map((_x, i) => STREETS[(from + i) % STREETS.length]));
    expect(items.some((m) => m.salon)).toBe(true);
    expect(await h.client.call('demo-secretary', 'salon', { action: 'calendar' })).toMatchObject({ error: { code: 'permission-denied' } });
  });

  it('over a year proposes every street in order, and a skip needs a reason that is recorded and audited', async () => {
    const order = [...STREETS].reverse();
    let r = await adminData<RotationView>({ action: 'setRotation', order });
    // The street whose turn it was keeps its turn in the new order.
    expect(r.proposedHost).toBe('十六里河');
    const start = order.indexOf('十六里河');
    const hosts: string[] = [];
    for (let m = 1; m <= 12; m += 1) {
      const month = `2040-${String(m).padStart(2, '0')}`;
      r = await adminData<RotationView>({ action: 'rotation' });
      if (m === 4) {
        // Another street than the proposed one is refused and changes nothing …
        const before = await snapshot(h.db, ['salons', 'salonRotation']);
        const other = order[(order.indexOf(r.proposedHost) + 1) % order.length];
        expect(await admin(salonInput(month, other))).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
        expect(await admin({ action: 'skipHost', street: r.proposedHost, reason: '' })).toMatchObject({ error: { code: 'invalid-argument' } });
        expect(await snapshot(h.db, ['salons', 'salonRotation'])).toEqual(before);
        // … the admin skips the proposed street with a reason; a second (stale) skip of it is refused.
        const skipped = r.proposedHost;
        r = await adminData<RotationView>({ action: 'skipHost', street: skipped, reason: '街道党群服务中心改造' });
        expect(r.proposedHost).toBe(other);
        expect(await admin({ action: 'skipHost', street: skipped, reason: '双击' })).toMatchObject({ error: { code: 'failed-precondition' } });
        expect(r.skips[0]).toMatchObject({ street: skipped, reason: '街道党群服务中心改造' });
      }
      const created = await adminData<{ _id: string; hostStreet: string; title: string }>(salonInput(month, r.proposedHost));
      expect(created._id).toBe(`salon-${month}`);
      hosts.push(created.hostStreet);
    }
    const expected = Array.from({ length: 13 }, (_x, i) => order[(start + i) % order.length]);
    expect(hosts).toEqual(expected.filter((_x, i) => i !== 3));
    const audit = await readAll<{ action: string; after: { skipped?: string; reason?: string } }>(h.db, 'audit', { action: 'salon.skipHost' });
    expect(audit).toEqual([expect.objectContaining({ after: expect.objectContaining({ skipped: expected[3], reason: '街道党群服务中心改造' }) })]);
    expect(await readAll(h.db, 'audit', { action: 'salon.create' })).toHaveLength(12);
    // One salon a month.
    expect(await admin(salonInput('2040-05', (await adminData<RotationView>({ action: 'rotation' })).proposedHost))).toMatchObject({ error: { code: 'already-exists' } });
  });

  it('keeps capacity above the secretaries already accepted', async () => {
    expect(await admin({ action: 'update', salonId: 'salon-2040-01', capacity: 2, theme: '新标题' })).toMatchObject({ ok: true, data: { capacity: 2, seatsLeft: 2, theme: '新标题' } });
    expect(await h.client.call('demo-resident', 'salon', { action: 'update', salonId: 'salon-2040-01', capacity: 5 })).toMatchObject({ error: { code: 'permission-denied' } });
  });
});
