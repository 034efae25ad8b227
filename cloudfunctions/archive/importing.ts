import { createHash } from 'node:crypto';
import {
  AppError, ensure, maskPrivateFields, memberKey, planImport, rosterId, STREETS,
  type ImportError, type ImportFileRow, type ImportMemberRow, type PersonFileDoc, type RosterChange, type RosterDoc, type RosterMember, type Street,
} from '@yanzhen/domain';
import { appendAudit } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import { FILES } from './files';
import { emptyRoster, ROSTERS } from './roster';
import { downloadUpload, readImportWorkbook, templateWorkbook } from './workbook';
import { publishFile } from '../shared/workbook';

/**
 * Import of person files and rosters, all or nothing, without multi-document transactions (a 2,000-row
 * sheet is far beyond what one CloudBase transaction may hold, and batch writes are not allowed in one):
 * 1. `importPreview` validates EVERY row, against the sheet and against what is stored, and writes nothing
 *    but the job (`importJobs/imp-<hash of the file>`, holding the validated rows) when no row is wrong.
 * 2. `importCommit` re-checks the stored state for every row BEFORE its first write, then writes with
 *    deterministic ids (file id; `<job>-r<row>` for roster rows) and marks each roster with the job. A commit
 *    cut short (timeout, crash) is finished by calling it again: rows already written are recognised as the
 *    job's own and skipped, so a retry rolls forward to exactly the sheet, never to a duplicate.
 * See docs/archive-import.md.
 */
export const JOBS = 'importJobs';
/** Rows per batch `add`: one request carries them all (CloudBase's insert takes an array). */
export const ADD_BATCH = 500;
const ERRORS_SHOWN = 200;

export interface ImportJobDoc {
  _id: string;
  fileID: string;
  status: 'previewed' | 'committing' | 'committed';
  files: (ImportFileRow & { secretaryId: string | null })[];
  members: ImportMemberRow[];
  createdAt: Date;
  committedAt: Date | null;
}

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_v, i) => list.slice(i * size, (i + 1) * size));

/** Which of `ids` exist in `collection`, with the fields asked for (by `_id`, 1,000 per query). */
async function existing<T extends { _id: string }>(collection: string, ids: string[], field: Record<string, boolean>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks([...new Set(ids)], 1000)) {
    if (part.length === 0) continue;
    const res = await db.collection<T>(collection).where({ _id: _.in(part) }).limit(1000).field(field).get();
    out.push(...res.data);
  }
  return out;
}

async function rostersOf(streets: Street[]): Promise<RosterDoc[]> {
  return existing<RosterDoc>(ROSTERS, streets.map(rosterId), { street: true, members: true, importJobs: true, communities: true });
}

export async function importTemplate() {
  const published = await publishFile('templates/archive-import-template.xlsx', await templateWorkbook());
  return { ...published, fileName: '档案导入模板.xlsx' };
}

export async function importPreview(fileID: string) {
  const bytes = await downloadUpload(fileID);
  const jobId = `imp-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
  const job = await readDoc<ImportJobDoc>(JOBS, jobId, { status: true, files: true, members: true });
  if (job && job.status !== 'previewed') {
    return { jobId, status: job.status, files: job.files.length, members: job.members.length, errors: [] as ImportError[], errorCount: 0, sample: [], memberSample: [] };
  }
  const sheet = await readImportWorkbook(bytes);
  const sheetIds = sheet.files.map((r) => (r.cells['档案编号'] ?? '').trim()).filter(Boolean);
  const memberFileIds = sheet.members.map((r) => (r.cells['档案编号'] ?? '').trim()).filter(Boolean);
  const [files, secretaries] = await Promise.all([
    existing<{ _id: string }>(FILES, [...sheetIds, ...memberFileIds], { _id: true }),
    existing<{ _id: string }>('secretaries', sheetIds, { _id: true }),
  ]);
  const streets = [...new Set(sheet.members.map((r) => (r.cells['街道'] ?? '').trim().replace(/街道$/, '')))].filter((s): s is Street => (STREETS as readonly string[]).includes(s));
  const rosters = await rostersOf(streets);
  const existingMembers = new Set(rosters.flatMap((r) => r.members.map((m) => memberKey({ ...m, street: r.street }))));
  const plan = planImport(sheet.files, sheet.members, { existingFileIds: new Set(files.map((f) => f._id)), existingMembers });
  const errors = [...sheet.errors, ...plan.errors];
  const linked = new Set(secretaries.map((s) => s._id));
  const ok = errors.length === 0;
  if (ok) {
    const doc: Omit<ImportJobDoc, '_id'> = {
      fileID, status: 'previewed', files: plan.files.map((f) => ({ ...f, secretaryId: linked.has(f.fileId) ? f.fileId : null })), members: plan.members,
      createdAt: new Date(), committedAt: null,
    };
    await db.collection(JOBS).doc(jobId).set({ data: doc });
  }
  return {
    jobId: ok ? jobId : null,
    status: ok ? 'previewed' : 'invalid',
    files: plan.files.length,
    members: plan.members.length,
    errors: errors.slice(0, ERRORS_SHOWN),
    errorCount: errors.length,
    // A preview is a list: private fields masked.
    sample: plan.files.slice(0, 10).map((f) => ({ row: f.row, fileId: f.fileId, ...maskPrivateFields(f.basics) })),
    memberSample: plan.members.slice(0, 10),
  };
}

const memberOf = (jobId: string, m: ImportMemberRow): RosterMember => ({ id: `${jobId}-r${m.row}`, community: m.community, name: m.name, post: m.post, since: m.since, fileId: m.fileId });
const changeOf = (jobId: string, m: ImportMemberRow, now: Date): RosterChange => ({
  id: `${jobId}-r${m.row}`, date: m.since, community: m.community, name: m.name, post: m.post, change: 'join', reason: '批量导入', recordedAt: now,
});

export async function importCommit(jobId: string, actor: string, now: Date) {
  const job = await readDoc<ImportJobDoc>(JOBS, jobId);
  ensure(job, 'not-found', '找不到该导入任务，请重新上传预览');
  if (job.status === 'committed') return { jobId, files: job.files.length, members: job.members.length, alreadyCommitted: true };
  const marked = await db.collection(JOBS).where({ _id: jobId, status: _.in(['previewed', 'committing']) }).update({ data: { status: 'committing' } });
  ensure(marked.stats.updated === 1, 'failed-precondition', '该导入任务已完成');

  // 1. Every check before the first write: someone may have added a file or a member since the preview.
  const stored = await existing<{ _id: string; importJobId?: string }>(FILES, job.files.map((f) => f.fileId), { _id: true, importJobId: true });
  const taken = stored.filter((d) => d.importJobId !== jobId).map((d) => d._id);
  const streets = [...new Set(job.members.map((m) => m.street))];
  const rosters = new Map((await rostersOf(streets)).map((r) => [r.street, r]));
  const seated = job.members.filter((m) => {
    const r = rosters.get(m.street);
    return r && !r.importJobs.includes(jobId) && r.members.some((x) => memberKey({ ...x, street: r.street }) === memberKey(m));
  });
  if (taken.length > 0 || seated.length > 0) {
    const rows = [
      ...job.files.filter((f) => taken.includes(f.fileId)).map((f) => ({ sheet: '人员档案', row: f.row, message: `档案编号 ${f.fileId} 已存在` })),
      ...seated.map((m) => ({ sheet: '两委名册', row: m.row, message: `${m.name}已是${m.community}${m.post}` })),
    ];
    await db.collection(JOBS).doc(jobId).update({ data: { status: 'previewed' } });
    throw new AppError('failed-precondition', '预览之后数据有变化，本次没有导入任何内容，请重新预览', { errors: rows.slice(0, ERRORS_SHOWN) });
  }

  // 2. Files, in batches; the ones a cut-short attempt already wrote are skipped.
  const done = new Set(stored.map((d) => d._id));
  const toWrite: PersonFileDoc[] = job.files.filter((f) => !done.has(f.fileId)).map((f) => ({
    _id: f.fileId, secretaryId: f.secretaryId, ...f.basics, entries: [], importJobId: jobId, createdAt: now, updatedAt: now,
  }));
  for (const batch of chunks(toWrite, ADD_BATCH)) await db.collection(FILES).add({ data: batch });

  // 3. Rosters: one conditional update per street, applied only if this job is not on it yet.
  for (const street of streets) {
    const rows = job.members.filter((m) => m.street === street);
    let roster = rosters.get(street);
    if (!roster) {
      roster = emptyRoster(street, now);
      // add, not set: a roster created meanwhile by a manual change must not be overwritten (a duplicate id fails).
      await db.collection(ROSTERS).add({ data: roster }).catch(() => undefined);
    }
    const communities = [...new Set([...roster.communities, ...rows.map((m) => m.community)])];
    await db.collection(ROSTERS).where({ _id: rosterId(street), importJobs: _.nin([jobId]) }).update({
      data: {
        members: _.push({ each: rows.map((m) => memberOf(jobId, m)) }),
        history: _.push({ each: rows.map((m) => changeOf(jobId, m, now)) }),
        communities: _.set(communities),
        importJobs: _.push(jobId),
        updatedAt: now,
      },
    });
  }

  await db.collection(JOBS).doc(jobId).update({ data: { status: 'committed', committedAt: now } });
  await appendAudit({ actor, action: 'archive.import', target: `${JOBS}/${jobId}`, before: null, after: { files: job.files.length, members: job.members.length } });
  return { jobId, files: job.files.length, members: job.members.length, alreadyCommitted: false };
}
