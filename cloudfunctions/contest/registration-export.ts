import { inChina, REGISTRATION_STATUS_LABELS, type RegistrationDoc } from '@yanzhen/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../shared/audit';
import { finishExportSheet, publishFile } from '../shared/workbook';

/**
 * The registrations of a contest as an Excel workbook (exceljs), uploaded to cloud storage under
 * `exports/contest/<contestId>/` and handed back as a temporary URL: the admin's phone downloads it from there
 * (a function answer is limited in size; a file in storage is not). Audited, since it carries the materials.
 */
const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '街道', key: 'street', width: 10 },
  { header: '社区', key: 'community', width: 16 },
  { header: '状态', key: 'status', width: 8 },
  { header: '项目名称', key: 'projectTitle', width: 20 },
  { header: '项目介绍', key: 'projectDescription', width: 40 },
  { header: '述职摘要', key: 'summary', width: 60 },
  { header: '照片数', key: 'photos', width: 8 },
  { header: '提交时间', key: 'submittedAt', width: 18 },
  { header: '审核时间', key: 'reviewedAt', width: 18 },
  { header: '未通过原因', key: 'rejectReason', width: 30 },
];

const time = (d: Date | string | null | undefined): string => (d ? inChina(d).format('YYYY-MM-DD HH:mm') : '');

export async function registrationsWorkbook(title: string, regs: RegistrationDoc[]): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '雁阵';
  wb.created = new Date();
  const ws = wb.addWorksheet('报名名单');
  ws.columns = COLUMNS;
  regs.forEach((r, i) =>
    ws.addRow({
      n: i + 1,
      name: r.name,
      street: r.street,
      community: r.community,
      status: REGISTRATION_STATUS_LABELS[r.status],
      projectTitle: r.materials?.projectTitle ?? '',
      projectDescription: r.materials?.projectDescription ?? '',
      summary: r.materials?.summary ?? '',
      photos: r.materials?.photoFileIds.length ?? 0,
      submittedAt: time(r.submittedAt ?? r.createdAt),
      reviewedAt: time(r.reviewedAt),
      rejectReason: r.status === 'rejected' ? r.rejectReason ?? '' : '',
    }),
  );
  finishExportSheet(ws, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportRegistrations(contest: { _id: string; title: string }, regs: RegistrationDoc[], filter: object, actor: string, now: Date) {
  const content = await registrationsWorkbook(contest.title, regs);
  const stamp = inChina(now).format('YYYYMMDD-HHmmss');
  const cloudPath = `exports/contest/${contest._id}/registrations-${stamp}-${randomBytes(4).toString('hex')}.xlsx`;
  const { fileID, tempFileURL } = await publishFile(cloudPath, content);
  await appendAudit({ actor, action: 'contest.registrationsExport', target: `contests/${contest._id}`, before: null, after: { ...filter, rows: regs.length } });
  return { fileID, tempFileURL, fileName: `${contest.title}-报名名单-${stamp}.xlsx`, rows: regs.length, bytes: content.length };
}
