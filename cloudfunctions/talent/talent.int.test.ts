import type { PairingProposal, RecommendationDoc } from '@yanzhen/domain';
import { startFunctionHarness, type FunctionHarness } from '../test-support/local-cloud';
import { readAll } from '../test-support/functions-client';

/**
 * 人才培育 through the real SDK: a secondment batch from recommendation to summary, one recommendation per
 * street under concurrent submissions, pairing that honours wishes or says why not, and the reserve pipeline.
 */
jest.setTimeout(90_000);

let h: FunctionHarness;
const INSTANCES = 6;
beforeAll(async () => {
  h = await startFunctionHarness({ env: { MAX_INSTANCES_PER_FUNCTION: String(INSTANCES) } });
  // Two more bound secretaries: a mentor (sec-07, 六里山) and sec-02 of 杆石桥.
  for (const [openid, secretaryId, street] of [['wx-mentor-07', 'sec-07', '六里山'], ['wx-sec-02', 'sec-02', '杆石桥']]) {
    await h.db.collection('users').doc(openid).set({ data: { roles: ['secretary'], secretaryId, street } });
  }
}, 120_000);
afterAll(() => h?.stop());

const admin = () => h.as('demo-admin');
async function ok<T>(who: string, event: Record<string, unknown>): Promise<T> {
  const res = await h.as(who)<T>('talent', event);
  if (!res.ok) throw new Error(`${String(event.action)} as ${who}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const community = (secretaryNo: number) => ['青年东路', '朝阳里', '馆驿街', '泉润花园', '英贤里', '望岳', '玉函', '舜华苑', '银座', '阳光新路', '泉景', '白马山东', '七贤庄'][secretaryNo - 1] + '社区';
const auditOf = async (action: string, target: string) => (await readAll<{ action: string; target: string }>(h.db, 'audit', { action, target })).length;

it('takes a batch of 6 streets from recommendation to its summary', async () => {
  const streets = ['大观园', '杆石桥', '四里村', '魏家庄', '二七新村', '七里山'];
  const batch = await ok<{ _id: string; status: string }>('demo-admin', { action: 'openBatch', title: '测试批次', streets });
  expect(batch.status).toBe('recommending');
  // The demo secretary (sec-01, 大观园) recommends for her own street; she may not for another.
  const foreign = await h.as('demo-secretary')('talent', { action: 'recommend', batchId: batch._id, street: '杆石桥', secretaryId: 'sec-02', reason: '新建社区', wishes: [community(8)] });
  expect(foreign).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  type Open = { street: string; items: { batchId: string; recommended: { name: string } | null }[]; secretaries: { secretaryId: string }[] };
  const before = await ok<Open>('demo-secretary', { action: 'streetBatches' });
  expect(before).toMatchObject({ street: '大观园', secretaries: [{ secretaryId: 'sec-01' }] });
  expect(before.items.find((i) => i.batchId === batch._id)?.recommended).toBeNull();
  await ok('demo-secretary', { action: 'recommend', batchId: batch._id, street: '大观园', secretaryId: 'sec-01', reason: '新建社区', wishes: [community(7), community(8)] });
  const after = await ok<Open>('demo-secretary', { action: 'streetBatches' });
  expect(after.items.find((i) => i.batchId === batch._id)?.recommended).toMatchObject({ name: '郑晓梅' });
  await ok('wx-sec-02', { action: 'recommend', batchId: batch._id, street: '杆石桥', secretaryId: 'sec-02', reason: '工作相对薄弱社区', wishes: [community(8)] });
  // Pairing waits until every street has recommended.
  expect(await admin()('talent', { action: 'proposePairing', batchId: batch._id })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  for (const n of [3, 4, 5, 6]) {
    await ok('demo-admin', { action: 'recommend', batchId: batch._id, street: streets[n - 1], secretaryId: `sec-0${n}`, reason: '新建社区', wishes: [community(n + 6)] });
  }
  // Wishes can still change before pairing.
  await ok('wx-sec-02', { action: 'setWishes', batchId: batch._id, street: '杆石桥', wishes: [community(8), community(13)] });
  const proposal = await ok<PairingProposal>('demo-admin', { action: 'proposePairing', batchId: batch._id });
  expect(proposal.honoured).toBe(6);
  expect(proposal.pairs.find((p) => p.secretaryId === 'sec-01')?.mentor?.secretaryId).toBe('sec-07');
  const pairs = proposal.pairs.map((p) => ({ street: p.street, mentorId: p.mentor!.secretaryId }));
  // No report before the kickoff meeting.
  await ok('demo-admin', { action: 'pair', batchId: batch._id, pairs });
  expect(await h.as('demo-secretary')('talent', { action: 'fileReport', batchId: batch._id, period: '第一周', text: '跟岗' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  await ok('demo-admin', { action: 'recordMeeting', batchId: batch._id, kind: 'kickoff', date: '2026-12-01', place: '区委党校', notes: '动员部署' });
  expect(await admin()('talent', { action: 'setWishes', batchId: batch._id, street: '杆石桥', wishes: [community(9)] })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  // Reports are read by another secretary: content security refuses risky text, and nothing is stored.
  expect(await h.as('demo-secretary')('talent', { action: 'fileReport', batchId: batch._id, period: '第一个月', text: '社区里有人组织赌博' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  const report = await ok<{ _id: string }>('demo-secretary', { action: 'fileReport', batchId: batch._id, period: '第一个月', text: '参加了六里山的居民议事会。' });
  // Only her mentor comments.
  expect(await h.as('wx-sec-02')('talent', { action: 'commentReport', reportId: report._id, text: '很好' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  await ok('wx-mentor-07', { action: 'commentReport', reportId: report._id, text: '议题提炼还可以更聚焦。' });
  expect(await admin()('talent', { action: 'closeBatch', batchId: batch._id, summary: '总结' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  await ok('demo-admin', { action: 'recordMeeting', batchId: batch._id, kind: 'summary', date: '2027-03-01', place: '区委组织部', notes: '交流收获' });
  const closed = await ok<{ status: string; summary: string }>('demo-admin', { action: 'closeBatch', batchId: batch._id, summary: '6名书记完成挂职。' });
  expect(closed).toMatchObject({ status: 'closed', summary: '6名书记完成挂职。' });

  // Both sides see the pairing, the report and the comment.
  type Mine = { items: { role: string; batch: { _id: string; status: string }; mentor: { name: string } | null; seconded: { name: string }; reports: { text: string; comment: { text: string } | null }[] }[] };
  const mine = (await ok<Mine>('demo-secretary', { action: 'myPairings' })).items.find((i) => i.batch._id === batch._id);
  expect(mine).toMatchObject({ role: 'seconded', batch: { status: 'closed' }, mentor: { name: '杨春生' }, reports: [{ text: '参加了六里山的居民议事会。', comment: { text: '议题提炼还可以更聚焦。' } }] });
  const mentorView = (await ok<Mine>('wx-mentor-07', { action: 'myPairings' })).items.find((i) => i.batch._id === batch._id);
  expect(mentorView).toMatchObject({ role: 'mentor', seconded: { name: '郑晓梅' } });
  for (const a of ['talent.openBatch', 'talent.pair', 'talent.recordMeeting', 'talent.closeBatch']) expect({ a, n: await auditOf(a, `secondmentBatches/${batch._id}`) }).toEqual({ a, n: a === 'talent.recordMeeting' ? 2 : 1 });
});

it('stores one recommendation per street when many are submitted at once', async () => {
  const batch = await ok<{ _id: string }>('demo-admin', { action: 'openBatch', title: '并发测试批次', streets: ['七贤', '兴隆'] });
  const submissions = Array.from({ length: 8 }, (_, i) => admin()('talent', { action: 'recommend', batchId: batch._id, street: '七贤', secretaryId: 'sec-13', reason: '新建社区', wishes: [community(1 + (i % 6))] }));
  const results = await Promise.all(submissions);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(7).fill('already-exists'));
  const stored = await readAll<RecommendationDoc>(h.db, 'secondmentRecommendations', { batchId: batch._id });
  expect(stored).toHaveLength(1);
  const winner = results.find((r) => r.ok) as { data: RecommendationDoc };
  expect(stored[0].wishes).toEqual(winner.data.wishes);
  expect(await auditOf('talent.recommend', `secondmentRecommendations/${stored[0]._id}`)).toBe(1);
});

it('honours wishes where it can and says why where it cannot', async () => {
  const batch = await ok<{ _id: string }>('demo-admin', { action: 'openBatch', title: '意向测试批次', streets: ['舜玉路', '泺源', '王官庄'] });
  // 舜玉路 and 泺源 both want only 英贤里 (sec-05's community); 王官庄 wants a community that has no secretary here.
  await ok('demo-admin', { action: 'recommend', batchId: batch._id, street: '舜玉路', secretaryId: 'sec-08', reason: '新建社区', wishes: [community(5)] });
  await ok('demo-admin', { action: 'recommend', batchId: batch._id, street: '泺源', secretaryId: 'sec-09', reason: '新建社区', wishes: [community(5)] });
  await ok('demo-admin', { action: 'recommend', batchId: batch._id, street: '王官庄', secretaryId: 'sec-10', reason: '工作相对薄弱社区', wishes: ['未来城社区'] });
  const p = await ok<PairingProposal>('demo-admin', { action: 'proposePairing', batchId: batch._id });
  expect(p).toMatchObject({ honoured: 1, allWishesHonoured: false });
  const [a, b, c] = p.pairs;
  const winner = [a, b].find((x) => x.wishRank === 0)!;
  const loser = [a, b].find((x) => x.wishRank === null)!;
  expect(winner.mentor?.secretaryId).toBe('sec-05');
  expect(loser.note).toContain(`「${community(5)}」的书记已与${winner.name}`);
  expect(c.note).toContain('「未来城社区」没有可带教的书记');
  // Every one still gets a distinct mentor, none from her own batch.
  const mentors = p.pairs.map((x) => x.mentor?.secretaryId);
  expect(new Set(mentors).size).toBe(3);
  expect(mentors.some((m) => ['sec-08', 'sec-09', 'sec-10'].includes(m!))).toBe(false);
  await ok('demo-admin', { action: 'pair', batchId: batch._id, pairs: p.pairs.map((x) => ({ street: x.street, mentorId: x.mentor!.secretaryId })) });
  const stored = await readAll<RecommendationDoc>(h.db, 'secondmentRecommendations', { batchId: batch._id });
  expect(stored.map((r) => r.wishRank).sort()).toEqual([0, null, null]);
});

it('records a stage move in the history and shows it in the pipeline; the street comes first for a vacancy', async () => {
  const r = await ok<{ _id: string; stage: string }>('demo-admin', { action: 'addReserve', name: '测试后备', street: '陡沟', community: '陡沟北社区', source: '专职网格员', date: '2026-01-10' });
  expect(r.stage).toBe('雏雁');
  await ok('demo-admin', { action: 'moveStage', reserveId: r._id, to: '青雁', reason: '年度考核优秀', date: '2026-11-20' });
  expect(await admin()('talent', { action: 'moveStage', reserveId: r._id, to: '青雁', reason: '重复', date: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'failed-precondition' } });
  type Pipeline = { stages: { stage: string; items: { _id: string; history: { from: string | null; to: string; reason: string; date: string }[] }[] }[] };
  const pipeline = await ok<Pipeline>('demo-admin', { action: 'pipeline', street: '陡沟' });
  const moved = pipeline.stages.find((s) => s.stage === '青雁')!.items.find((i) => i._id === r._id);
  expect(moved?.history.map(({ from, to, reason, date }) => ({ from, to, reason, date }))).toEqual([
    { from: null, to: '雏雁', reason: '纳入后备力量', date: '2026-01-10' },
    { from: '雏雁', to: '青雁', reason: '年度考核优秀', date: '2026-11-20' },
  ]);
  expect(pipeline.stages.find((s) => s.stage === '雏雁')!.items.some((i) => i._id === r._id)).toBe(false);
  expect(await auditOf('talent.moveStage', `talentReserves/${r._id}`)).toBe(1);
  const vacancy = await ok<{ ownStreetCount: number; candidates: { street: string; stage: string }[] }>('demo-admin', { action: 'proposeForVacancy', street: '陡沟', post: '两委委员' });
  expect(vacancy.ownStreetCount).toBeGreaterThan(1);
  expect(vacancy.candidates.slice(0, vacancy.ownStreetCount).every((c) => c.street === '陡沟')).toBe(true);
  expect(vacancy.candidates[vacancy.ownStreetCount].street).not.toBe('陡沟');
});

it('shows a studio to a resident, without private fields of its people', async () => {
  const list = await h.as('demo-resident')<{ items: { _id: string }[] }>('talent', { action: 'studios' });
  expect(list.ok && list.data.items.map((s) => s._id)).toContain('studio-zheng');
  const res = await h.as('demo-resident')('talent', { action: 'studio', studioId: 'studio-zheng' });
  expect(res).toMatchObject({ ok: true, data: { name: '郑晓梅书记工作室', leader: { name: '郑晓梅' } } });
  expect(JSON.stringify(res)).not.toMatch(/phone|idNumber|address|138053/);
});
