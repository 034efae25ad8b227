import { PRIVATE_FIELDS, type PersonFileDoc, type RosterDoc } from '@yanzhen/domain';
import { snapshot, startFunctionHarness, type Caller, type FunctionHarness } from '../test-support/local-cloud';
import { importWorkbook, memberRows, openWorkbook, peopleRows, sheetText, uniquePath, uploadAs } from './archive-test-support';
import { fakeIdNumber, fakePhone } from '../../scripts/seed/archive';

/**
 * The archive through the local cloud and the real SDK: what admins and the secretary see of person files,
 * entries and proposals, roster changes and export, and the all-or-nothing import.
 */
let h: FunctionHarness;
let admin: Caller;
let secretary: Caller;
beforeAll(async () => {
  h = await startFunctionHarness();
  admin = h.as('demo-admin');
  secretary = h.as('demo-secretary');
}, 120_000);
afterAll(() => h?.stop());

const data = async <T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> => {
  const res = await p;
  if (!res.ok) throw new Error(`failed: ${JSON.stringify(res.error)}`);
  return res.data as T;
};
const training = { kind: 'training', date: '2025-03-12', title: '基层治理能力提升培训', source: '区委组织部', detail: '' };

describe('person files', () => {
  it('masks private fields in the admin list and shows them in full only in the admin single-file view', async () => {
    const list = await data<{ items: Record<string, string>[] }>(admin('archive', { action: 'listFiles', street: '大观园' }));
    const first = list.items.find((i) => i._id === 'sec-01')!;
    expect(first.phone).toBe(`${fakePhone(0).slice(0, 3)}****${fakePhone(0).slice(-4)}`);
    expect(first.idNumber).not.toBe(fakeIdNumber(0));
    expect(first.idNumber).toMatch(/^370103\*+\d{3}X$/);
    const full = await data<{ file: PersonFileDoc }>(admin('archive', { action: 'getFile', fileId: 'sec-01' }));
    expect([full.file.phone, full.file.idNumber]).toEqual([fakePhone(0), fakeIdNumber(0)]);
    expect(full.file.entries.length).toBeGreaterThan(3);
  });

  it("shows a secretary her own file as a timeline, without any private field", async () => {
    const mine = await data<{ file: Record<string, unknown> & { entries: { date: string }[] } }>(secretary('archive', { action: 'myFile' }));
    expect(mine.file._id).toBe('sec-01');
    for (const f of PRIVATE_FIELDS) expect(mine.file).not.toHaveProperty(f);
    expect(JSON.stringify(mine)).not.toContain(fakePhone(0));
    const dates = mine.file.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('records an admin entry with its audit entry, and refuses an entry without a source', async () => {
    const added = await data<{ entry: { id: string } }>(admin('archive', { action: 'addEntry', fileId: 'sec-02', entry: training }));
    const full = await data<{ file: PersonFileDoc }>(admin('archive', { action: 'getFile', fileId: 'sec-02' }));
    expect(full.file.entries[0]).toMatchObject({ id: added.entry.id, title: training.title, source: '区委组织部', origin: 'admin' });
    const audit = await h.db.collection('audit').where({ action: 'archive.addEntry', target: 'personFiles/sec-02' }).get();
    expect(audit.data).toHaveLength(1);
    const refused = await admin('archive', { action: 'addEntry', fileId: 'sec-02', entry: { ...training, source: '' } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-argument');
    expect(await admin('archive', { action: 'addEntry', fileId: 'nobody', entry: training })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('edits an entry and the basics, auditing private fields only masked', async () => {
    const full = await data<{ file: PersonFileDoc }>(admin('archive', { action: 'getFile', fileId: 'sec-03' }));
    const entry = full.file.entries[0];
    const edited = await data<{ entry: { id: string; title: string } }>(
      admin('archive', { action: 'editEntry', fileId: 'sec-03', entryId: entry.id, entry: { kind: entry.kind, date: entry.date, title: '更正后的标题', source: entry.source, detail: '' } }),
    );
    expect(edited.entry).toMatchObject({ id: entry.id, title: '更正后的标题' });
    await data(admin('archive', { action: 'updateBasics', fileId: 'sec-03', basics: { phone: '19911112222', education: '硕士研究生' } }));
    const after = await data<{ file: PersonFileDoc }>(admin('archive', { action: 'getFile', fileId: 'sec-03' }));
    expect([after.file.phone, after.file.education, after.file.entries.find((e) => e.id === entry.id)?.title]).toEqual(['19911112222', '硕士研究生', '更正后的标题']);
    const audit = await h.db.collection('audit').where({ action: 'archive.updateBasics', target: 'personFiles/sec-03' }).get();
    expect(JSON.stringify(audit.data)).not.toContain('19911112222');
    expect(audit.data[0]).toMatchObject({ before: { phone: `${fakePhone(2).slice(0, 3)}****${fakePhone(2).slice(-4)}`, education: '本科' }, after: { phone: '199****2222', education: '硕士研究生' } });
  });

  it('adds what a secretary proposes only once an admin confirms it, and only once', async () => {
    const proposed = await data<{ proposal: { _id: string; status: string } }>(secretary('archive', { action: 'propose', entry: { ...training, kind: 'work', title: '完成社区议事厅改造' } }));
    expect(proposed.proposal.status).toBe('pending');
    let mine = await data<{ file: { entries: { title: string }[] }; proposals: { _id: string; status: string }[] }>(secretary('archive', { action: 'myFile' }));
    expect(mine.file.entries.map((e) => e.title)).not.toContain('完成社区议事厅改造');
    expect(mine.proposals.find((p) => p._id === proposed.proposal._id)?.status).toBe('pending');
    const queue = await data<{ items: { _id: string }[] }>(admin('archive', { action: 'proposals' }));
    expect(queue.items.map((p) => p._id)).toContain(proposed.proposal._id);
    await data(admin('archive', { action: 'decideProposal', proposalId: proposed.proposal._id, decision: 'confirm' }));
    const again = await admin('archive', { action: 'decideProposal', proposalId: proposed.proposal._id, decision: 'confirm' });
    expect(again.ok ? 'ok' : again.error.code).toBe('failed-precondition');
    mine = await data(secretary('archive', { action: 'myFile' }));
    expect(mine.file.entries.filter((e) => e.title === '完成社区议事厅改造')).toHaveLength(1);
    expect(mine.proposals.find((p) => p._id === proposed.proposal._id)?.status).toBe('confirmed');
  });
});

describe('street rosters', () => {
  it('records who joins and leaves a post with the reason, and exports the roster with the new data', async () => {
    const joined = { action: 'changeRoster', street: '四里村', community: '馆驿街社区', name: '秦思远', post: '党组织委员', change: 'join', date: '2025-06-01', reason: '党员大会增补' };
    await data(admin('archive', joined));
    const dup = await admin('archive', joined);
    expect(dup.ok ? 'ok' : dup.error.code).toBe('already-exists');
    const view = await data<{ communities: { name: string; members: { name: string }[] }[]; history: { name: string; change: string; reason: string }[] }>(
      admin('archive', { ...joined, change: 'leave', date: '2025-07-01', reason: '工作调动' }),
    );
    expect(view.communities.flatMap((c) => c.members.map((m) => m.name))).not.toContain('秦思远');
    expect(view.history.slice(0, 2).map((c) => `${c.name}${c.change}${c.reason}`)).toEqual(['秦思远leave工作调动', '秦思远join党员大会增补']);

    await data(admin('archive', { ...joined, name: '韩书雅', reason: '补选' }));
    const exported = await data<{ tempFileURL: string; fileName: string }>(admin('archive', { action: 'exportRoster', street: '四里村' }));
    expect(exported.fileName).toMatch(/^四里村街道两委名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await openWorkbook(exported.tempFileURL);
    const rows = sheetText(wb, '两委名册', 4);
    expect(rows.some((r) => r.includes('韩书雅') && r.includes('党组织委员') && r.includes('2025-06-01'))).toBe(true);
    expect(JSON.stringify(sheetText(wb, '两委名册'))).not.toContain(fakePhone(2));
    expect(sheetText(wb, '变动记录', 3).some((r) => r.includes('秦思远') && r.includes('离任') && r.includes('工作调动'))).toBe(true);
  });
});

describe('import', () => {
  const preview = async (bytes: Buffer) => {
    const fileID = await uploadAs(h.client, 'demo-admin', uniquePath('sheet'), bytes);
    return data<{ jobId: string | null; files: number; members: number; errors: { sheet: string; row: number; column?: string; message: string }[] }>(
      admin('archive', { action: 'importPreview', fileID }),
    );
  };

  it('imports nothing from a sheet with one bad row, and names that row', async () => {
    const people = peopleRows(30, 'bad');
    people[11] = { ...people[11], 身份证号: '12345' };
    const before = await snapshot(h.db, ['personFiles', 'rosters']);
    const res = await preview(await importWorkbook(people, memberRows(people)));
    expect(res.jobId).toBeNull();
    expect(res.errors).toEqual([{ sheet: '人员档案', row: 13, column: '身份证号', message: '身份证号应为 18 位' }]);
    const commit = await admin('archive', { action: 'importCommit', jobId: 'imp-000000000000000000000000' });
    expect(commit.ok ? 'ok' : commit.error.code).toBe('not-found');
    expect(await snapshot(h.db, ['personFiles', 'rosters'])).toEqual(before);
  });

  it('imports every row of a good sheet once, even when the commit is sent twice', async () => {
    const people = peopleRows(40, 'good');
    const res = await preview(await importWorkbook(people, memberRows(people)));
    expect(res).toMatchObject({ files: 40, members: 40, errors: [] });
    const first = await data<{ files: number; alreadyCommitted: boolean }>(admin('archive', { action: 'importCommit', jobId: res.jobId }));
    expect(first).toMatchObject({ files: 40, alreadyCommitted: false });
    const second = await data<{ alreadyCommitted: boolean }>(admin('archive', { action: 'importCommit', jobId: res.jobId }));
    expect(second.alreadyCommitted).toBe(true);
    expect((await h.db.collection('personFiles').where({ importJobId: res.jobId }).count()).total).toBe(40);
    const roster = (await h.db.collection('rosters').doc('roster-01').get()).data as RosterDoc;
    expect(roster.members.filter((m) => m.fileId?.startsWith('good-'))).toHaveLength(3); // rows 1, 18, 35 are on 大观园
    expect(roster.history.filter((c) => c.reason === '批量导入' && c.name === people[0]['姓名'])).toHaveLength(1);
    // The same rows again are all duplicates now: nothing more is imported.
    const repeat = await preview(await importWorkbook(people.map((p) => ({ ...p, 家庭住址: '另一份' }))));
    expect(repeat.jobId).toBeNull();
    expect(repeat.errors).toHaveLength(40);
  });

  it('finishes a commit that was cut short, without duplicates', async () => {
    const people = peopleRows(25, 'resume');
    const res = await preview(await importWorkbook(people, memberRows(people)));
    // What a commit cut off after its first writes leaves: the job marked, some of its files stored.
    await h.db.collection('importJobs').doc(res.jobId!).update({ data: { status: 'committing' } });
    await h.db.collection('personFiles').add({ data: { _id: 'resume-0001', importJobId: res.jobId, name: people[0]['姓名'], entries: [] } });
    const done = await data<{ files: number }>(admin('archive', { action: 'importCommit', jobId: res.jobId }));
    expect(done.files).toBe(25);
    expect((await h.db.collection('personFiles').where({ importJobId: res.jobId }).count()).total).toBe(25);
  });

  it('offers the template workbook with both sheets', async () => {
    const t = await data<{ tempFileURL: string }>(admin('archive', { action: 'importTemplate' }));
    const wb = await openWorkbook(t.tempFileURL);
    expect(sheetText(wb, '人员档案')[0]).toEqual(['档案编号', '姓名', '性别', '出生年月', '街道', '社区', '职务', '学历', '手机号', '身份证号', '家庭住址']);
    expect(sheetText(wb, '两委名册')[0]).toEqual(['街道', '社区', '姓名', '职务', '任职日期', '档案编号']);
  });
});
