import { dimensionName, inChina } from '@yanzhen/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../shared/audit';
import { finishExportSheet, publishFile } from '../shared/workbook';
import type { ResultsSnapshot } from './results-snapshot';

/**
 * The published results and the judges' score sheets as one Excel workbook (exceljs), uploaded to cloud
 * storage under `exports/contest/<contestId>/` and handed back as a temporary URL, as the registrations export
 * does. Built from the published snapshot, so the file holds exactly the announced numbers. Audited.
 */
export const RESULTS_SHEET = '比武结果';
export const SCORES_SHEET = '评委评分表';

export async function resultsWorkbook(title: string, snap: ResultsSnapshot): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '雁阵';
  wb.created = new Date();
  const dims = snap.dimensions.map((d) => ({ key: d.key, header: `${dimensionName(d.key)}（满分${d.maxScore}，权重${d.weight}）` }));
  const tierOf = new Map(snap.awards.map((a) => [a.candidateId, a.tier]));

  const results = wb.addWorksheet(RESULTS_SHEET);
  results.columns = [
    { header: '名次', key: 'place', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '奖项', key: 'tier', width: 8 },
    { header: '总分', key: 'total', width: 8 },
    { header: '评委评分（百分制）', key: 'judged', width: 12 },
    { header: '知识竞赛', key: 'quiz', width: 10 },
    { header: '网络投票（折算）', key: 'votes', width: 12 },
    ...dims.map((d) => ({ header: d.header, key: d.key, width: 14 })),
  ];
  for (const r of snap.ranking) {
    results.addRow({ place: r.place, name: r.name, tier: tierOf.get(r.candidateId) ?? '', total: r.total, judged: r.judged, quiz: r.quiz ?? '', votes: r.votes ?? '', ...r.dimensions });
  }
  results.addRow({});
  results.addRow({ place: '评分规则', name: snap.ruleText });
  results.addRow({ place: '公布时间', name: inChina(snap.publishedAt).format('YYYY-MM-DD HH:mm') });

  const sheets = wb.addWorksheet(SCORES_SHEET);
  sheets.columns = [
    { header: '评委', key: 'judge', width: 8 },
    { header: '轮次', key: 'round', width: 12 },
    { header: '选手', key: 'name', width: 10 },
    ...dims.map((d) => ({ header: dimensionName(d.key), key: d.key, width: 12 })),
    { header: '回避', key: 'recused', width: 6 },
    { header: '备注', key: 'note', width: 30 },
  ];
  for (const s of snap.sheets) {
    for (const row of s.rows) sheets.addRow({ judge: s.label, round: row.form, name: row.name, ...row.dimensions, recused: row.recused ? '回避' : '', note: row.note ?? '' });
  }
  for (const ws of [results, sheets]) finishExportSheet(ws, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportResults(contest: { _id: string; title: string }, snap: ResultsSnapshot, actor: string, now: Date) {
  const content = await resultsWorkbook(contest.title, snap);
  const stamp = inChina(now).format('YYYYMMDD-HHmmss');
  const cloudPath = `exports/contest/${contest._id}/results-${stamp}-${randomBytes(4).toString('hex')}.xlsx`;
  const { fileID, tempFileURL } = await publishFile(cloudPath, content);
  const rows = snap.ranking.length + snap.sheets.reduce((n, s) => n + s.rows.length, 0);
  await appendAudit({ actor, action: 'contest.resultsExport', target: `contests/${contest._id}`, before: null, after: { contestants: snap.ranking.length, sheetRows: rows - snap.ranking.length } });
  return { fileID, tempFileURL, fileName: `${contest.title}-比武结果与评分表-${stamp}.xlsx`, rows, bytes: content.length };
}
