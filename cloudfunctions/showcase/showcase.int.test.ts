import { useFunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';

/**
 * The showcase workflow through the full stack with the demo data: demo-secretary is bound to sec-01,
 * demo-admin is an admin (ADMIN_OPENIDS in emulator/local.env.json), everyone else is a resident.
 */
jest.setTimeout(60_000);

const SECRETARY = 'demo-secretary';
const ADMIN = 'demo-admin';
const RESIDENT = 'showcase-resident';

const h = useFunctionHarness();

interface Card { _id: string; secretaryId: string; name: string; street: string; tags: string[]; excerpt: string }
interface Feed { items: Card[]; hasMore: boolean; nextPage: number | null }
interface Page { secretaryId: string; story: string; achievements: string[]; contests: { contestId: string; candidateId: string; votingOpen: boolean }[] }

const draft = (story: string) => ({ action: 'saveDraft', story, achievements: ['带领社区获评市级文明社区'], tags: ['grid', 'property'] });

describe('the public feed and page', () => {
  it('pages through all 17 published showcases without repeats', async () => {
    const seen: string[] = [];
    let page: number | null = 1;
    while (page) {
      const res: Feed = await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', page, pageSize: 5 });
      seen.push(...res.items.map((c) => c._id));
      page = res.nextPage;
    }
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
  });

  it('filters by street and tag and searches by name or community', async () => {
    const byStreet = await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', street: '杆石桥' });
    expect(byStreet.items.map((c) => c.street)).toEqual(['杆石桥']);
    const byTag = await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', tag: 'grid', pageSize: 50 });
    expect(byTag.items.length).toBeGreaterThan(0);
    for (const c of byTag.items) expect(c.tags).toContain('grid');
    expect((await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', q: '郑晓梅' })).items.map((c) => c.secretaryId)).toEqual(['sec-01']);
    expect((await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', q: '朝阳里' })).items.map((c) => c.secretaryId)).toEqual(['sec-02']);
    expect((await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', q: '.*' })).items).toEqual([]);
  });

  it('shows a published page with the contests the secretary is in, and no private fields', async () => {
    const page = await h.client.call<Page>(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' });
    expect(page).toMatchObject({ ok: true, data: { secretaryId: 'sec-01', contests: [{ contestId: 'contest-current', candidateId: 'cand-sec-01', votingOpen: true }, { contestId: 'contest-2023', candidateId: 'cand2023-sec-01', votingOpen: false, status: 'published' }] } });
    const text = JSON.stringify(page);
    for (const secret of ['demo-secretary', 'phone', 'idNumber', 'draft', '1380531']) expect(text).not.toContain(secret);
    expect(await h.client.call(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('editing and review', () => {
  const NEW_STORY = '审核前不应公开的新事迹：带领居民把废弃锅炉房改成了社区食堂。';

  it('never shows a draft in public before an admin approves it', async () => {
    const before = await h.client.data<Page>(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' });
    expect(await h.client.call(SECRETARY, 'showcase', draft(NEW_STORY))).toMatchObject({ ok: true, data: { draft: { story: NEW_STORY }, reviewStatus: 'none' } });
    expect(await h.client.call(SECRETARY, 'showcase', { action: 'submitForReview' })).toMatchObject({ ok: true, data: { reviewStatus: 'pending' } });

    const publicViews = [
      await h.client.call(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' }),
      await h.client.call(RESIDENT, 'showcase', { action: 'get', showcaseId: 'showcase-sec-01' }),
      await h.client.call(RESIDENT, 'showcase', { action: 'feed', pageSize: 50 }),
      await h.client.call(RESIDENT, 'showcase', { action: 'feed', q: '锅炉房' }),
      await h.client.call(RESIDENT, 'home', { action: 'firstScreen' }),
    ];
    for (const view of publicViews) expect(JSON.stringify(view)).not.toContain('锅炉房');
    expect((await h.client.data<Page>(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' })).story).toBe(before.story);

    const pending = await h.client.data<{ items: { _id: string; draft: { story: string } }[] }>(ADMIN, 'showcase', { action: 'pendingList' });
    expect(pending.items.map((i) => [i._id, i.draft.story])).toEqual([['showcase-sec-01', NEW_STORY]]);
  });

  it('makes a rejection carry a reason, which the secretary sees', async () => {
    expect(await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'reject' })).toMatchObject({ error: { code: 'invalid-argument' } });
    expect(await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'reject', reason: '请补充具体成效' })).toMatchObject({ ok: true, data: { reviewStatus: 'rejected' } });
    const mine = await h.client.data<{ showcase: { reviewStatus: string; rejectReason: string; draft: { story: string } } }>(SECRETARY, 'showcase', { action: 'myShowcase' });
    expect(mine.showcase).toMatchObject({ reviewStatus: 'rejected', rejectReason: '请补充具体成效', draft: { story: NEW_STORY } });
    expect(JSON.stringify(await h.client.call(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' }))).not.toContain('锅炉房');
  });

  it('publishes the draft on approval, with an audit entry', async () => {
    await h.client.data(SECRETARY, 'showcase', { action: 'submitForReview' });
    expect(await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'approve' })).toMatchObject({ ok: true, data: { reviewStatus: 'none', draft: null } });
    expect((await h.client.data<Page>(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-01' })).story).toBe(NEW_STORY);
    const audit = await readAll<{ actor: string; action: string; target: string; after: { decision: string; published: { story: string } } }>(h.db, 'audit', { target: 'showcases/showcase-sec-01' });
    expect(audit.map((a) => [a.actor, a.action, a.after.decision])).toEqual([[ADMIN, 'showcase.review', 'reject'], [ADMIN, 'showcase.review', 'approve']]);
    expect(audit[1].after.published.story).toBe(NEW_STORY);
    expect(await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'approve' })).toMatchObject({ error: { code: 'failed-precondition' } });
  });

  it('rejects risky text through msgSecCheck and stores nothing', async () => {
    const before = (await h.db.collection('showcases').doc('showcase-sec-01').get()).data;
    const res = await h.client.call(SECRETARY, 'showcase', draft('社区活动中心周末开展赌博活动。'));
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('不适宜公开') } });
    expect((await h.db.collection('showcases').doc('showcase-sec-01').get()).data).toEqual(before);
  });

  it('keeps editing to bound secretaries and review to admins', async () => {
    expect(await h.client.call(RESIDENT, 'showcase', draft('居民想改书记的风采'))).toMatchObject({ error: { code: 'permission-denied' } });
    expect(await h.client.call(SECRETARY, 'showcase', { action: 'pendingList' })).toMatchObject({ error: { code: 'permission-denied' } });
    expect(await h.client.call(SECRETARY, 'showcase', { action: 'review', showcaseId: 'showcase-sec-02', decision: 'approve' })).toMatchObject({ error: { code: 'permission-denied' } });
  });

  it('creates a first draft for a secretary without a showcase, invisible until approved', async () => {
    await h.db.collection('secretaries').doc('sec-new').set({ data: { name: '新书记', gender: '女', community: '新建社区', street: '兴隆', tier: '雏雁', since: 2025, phone: '13800000000', idNumber: 'x', createdAt: new Date() } });
    await h.db.collection('users').doc('new-secretary').set({ data: { roles: ['secretary'], secretaryId: 'sec-new', street: '兴隆' } });
    expect(await h.client.call('new-secretary', 'showcase', draft('第一次写的风采'))).toMatchObject({ ok: true, data: { _id: 'showcase-sec-new', name: '新书记', published: null } });
    expect(await h.client.call(RESIDENT, 'showcase', { action: 'get', secretaryId: 'sec-new' })).toMatchObject({ error: { code: 'not-found' } });
    expect((await h.client.data<Feed>(RESIDENT, 'showcase', { action: 'feed', street: '兴隆' })).items.map((c) => c.secretaryId)).toEqual(['sec-15']);
  });
});

describe('the poster', () => {
  it('returns a stored mini-program code, generated once per scene', async () => {
    const first = await h.client.data<{ fileID: string; tempFileURL: string; scene: string }>(RESIDENT, 'showcase', { action: 'poster', secretaryId: 'sec-03' });
    expect(first.scene).toBe('sid=sec-03');
    const png = Buffer.from(await (await fetch(first.tempFileURL)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const second = await h.client.data<{ fileID: string }>('someone-else', 'showcase', { action: 'poster', secretaryId: 'sec-03' });
    expect(second.fileID).toBe(first.fileID);
  });
});
