import { uploadTinyPng, useFunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';

/**
 * Photos in a showcase: only the editor's own uploads, checked by security.mediaCheckAsync (the local
 * cloud pushes a deterministic verdict: a file named `risky…` is risky), published only after passing,
 * and signed for the public only once approved. demo-secretary is bound to sec-01.
 */
jest.setTimeout(60_000);

const SECRETARY = 'demo-secretary';
const ADMIN = 'demo-admin';
const h = useFunctionHarness();
const upload = uploadTinyPng;

const draft = (extra: Record<string, unknown>) => ({ action: 'saveDraft', story: '带领居民改造了社区小花园。', tags: ['grid'], ...extra });
interface Pending { items: { _id: string; images: { fileID: string; url: string | null; check: string }[] }[] }
interface Page { photoUrl: string | null; images: { fileID: string; url: string | null }[] }

async function verdictOf(fileID: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const pending = await h.client.data<Pending>(ADMIN, 'showcase', { action: 'pendingList' });
    const check = pending.items.flatMap((it) => it.images).find((img) => img.fileID === fileID)?.check;
    if (check && check !== 'pending') return check;
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'pending';
}

it('refuses images that are not the secretary’s own uploads', async () => {
  const others = await upload('showcases/sec-02/not-mine.png');
  const outside = await upload('posters/elsewhere.png');
  for (const fileId of [others, outside, `${(await upload('showcases/sec-01/real.png')).replace(/real\.png$/, 'never-uploaded.png')}`]) {
    const res = await h.client.call(SECRETARY, 'showcase', draft({ photoFileId: fileId }));
    expect({ fileId, res }).toMatchObject({ fileId, res: { ok: false, error: { code: 'invalid-argument' } } });
  }
  const mine = await h.client.data<{ draft: { story: string } | null }>(SECRETARY, 'showcase', { action: 'myShowcase' });
  expect(JSON.stringify(mine)).not.toContain('not-mine');
});

it('publishes a photo only after its check passed and the admin approved, and only then signs it for the public', async () => {
  const photo = await upload('showcases/sec-01/new-photo-1.png');
  expect(await h.client.call(SECRETARY, 'showcase', draft({ photoFileId: photo, imageFileIds: [photo] }))).toMatchObject({ ok: true });
  const before = await h.client.data<Page>('a-resident', 'showcase', { action: 'get', secretaryId: 'sec-01' });
  expect(JSON.stringify(before)).not.toContain('new-photo-1');
  await h.client.data(SECRETARY, 'showcase', { action: 'submitForReview' });
  expect(await verdictOf(photo)).toBe('pass');
  const pending = await h.client.data<Pending>(ADMIN, 'showcase', { action: 'pendingList' });
  expect(pending.items[0].images[0]).toMatchObject({ fileID: photo, url: expect.stringMatching(/^http/), check: 'pass' });
  expect(await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'approve' })).toMatchObject({ ok: true });
  const after = await h.client.data<Page>('a-resident', 'showcase', { action: 'get', secretaryId: 'sec-01' });
  expect(after.photoUrl).toMatch(/^http/);
  expect(after.images).toEqual([{ fileID: photo, url: expect.stringMatching(/^http/) }]);
});

it('holds back an approval while a photo is risky, and refuses to save a risky photo again', async () => {
  const risky = await upload('showcases/sec-01/risky-banner.png');
  expect(await h.client.call(SECRETARY, 'showcase', draft({ imageFileIds: [risky] }))).toMatchObject({ ok: true });
  await h.client.data(SECRETARY, 'showcase', { action: 'submitForReview' });
  expect(await verdictOf(risky)).toBe('risky');
  const approve = await h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'approve' });
  expect(approve).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('未通过内容安全检测') } });
  expect(JSON.stringify(await h.client.call('a-resident', 'showcase', { action: 'get', secretaryId: 'sec-01' }))).not.toContain('risky-banner');
  expect(await h.client.call(SECRETARY, 'showcase', draft({ imageFileIds: [risky] }))).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('未通过') } });
});

it('ignores a forged verdict push whose trace id it never handed out', async () => {
  const checks = await readAll<{ _id: string; status: string }>(h.db, 'mediaChecks', {});
  const res = await h.client.call('someone', 'showcase', { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'guessed-trace-id', result: { suggest: 'pass', label: 100 } });
  expect(res).toBe('ignored');
  expect(await readAll(h.db, 'mediaChecks', {})).toEqual(checks);
});

it('writes a review and its audit entry together: two approvals at once publish once and audit once', async () => {
  await h.client.data(SECRETARY, 'showcase', draft({ story: '并发审核的草稿。' }));
  await h.client.data(SECRETARY, 'showcase', { action: 'submitForReview' });
  const auditedBefore = (await readAll(h.db, 'audit', { action: 'showcase.review' })).length;
  const results = await Promise.all([1, 2, 3].map(() => h.client.call(ADMIN, 'showcase', { action: 'review', showcaseId: 'showcase-sec-01', decision: 'approve' })));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ error: { code: 'failed-precondition' } });
  expect((await readAll(h.db, 'audit', { action: 'showcase.review' })).length).toBe(auditedBefore + 1);
});
