import { Workbook, type Worksheet } from 'exceljs';
import {
  ENTRY_KIND_LABELS, FILE_COLUMNS, FILE_SHEET, MEMBER_COLUMNS, MEMBER_SHEET, missingColumns, streetLabel,
  type ImportError, type PersonFileDoc, type RawRow, type RosterView,
} from '@yanzhen/domain';
import { downloadUpload as download, loadWorkbook, textRows } from '../shared/workbook';

/**
 * The office's workbooks (exceljs): the roster export, the import template, and reading an uploaded sheet.
 * Reading, uploading and downloading go through the shared helpers (cloudfunctions/shared/workbook.ts).
 */

/** Largest sheet accepted for import: 2,000 rows are ~150 KB; anything near this is not an office sheet. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5E6C8' } } as const;

function header(ws: Worksheet, row: number, labels: readonly string[]): void {
  const r = ws.getRow(row);
  labels.forEach((label, i) => {
    const cell = r.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

function title(ws: Worksheet, text: string, width: number): void {
  ws.mergeCells(1, 1, 1, width);
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = { bold: true, size: 16 };
  cell.alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
}

export const ROSTER_EXPORT_COLUMNS = ['序号', '社区', '姓名', '性别', '出生年月', '学历', '职务', '任职日期', '最近培训', '档案编号'] as const;

/** Linked files' non-private facts that the roster export shows per member. */
export type RosterFileFacts = Pick<PersonFileDoc, '_id' | 'gender' | 'birth' | 'education' | 'entries'>;

function latestTraining(file: RosterFileFacts | undefined): string {
  const training = (file?.entries ?? []).filter((e) => e.kind === 'training').sort((a, b) => b.date.localeCompare(a.date))[0];
  return training ? `${training.date} ${training.title}` : '';
}

/**
 * The roster in the office's layout: a title row, the export day, one row per member grouped by community
 * (posts in 两委 order), and a second sheet with the history of changes. No private field is written: a
 * workbook leaves the system (mail, USB sticks), phone and ID numbers stay in the admin's file view.
 */
export async function rosterWorkbook(view: RosterView, files: Map<string, RosterFileFacts>, day: string): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '雁阵 · 区委组织部';
  const ws = wb.addWorksheet('两委名册', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  title(ws, `市中区${streetLabel(view.street)}社区“两委”成员名册`, ROSTER_EXPORT_COLUMNS.length);
  ws.getCell(2, 1).value = `导出日期：${day}`;
  header(ws, 3, ROSTER_EXPORT_COLUMNS);
  ws.columns = [6, 16, 10, 6, 10, 12, 14, 12, 30, 12].map((width) => ({ width }));
  let n = 0;
  for (const community of view.communities) {
    for (const m of community.members) {
      const file = m.fileId ? files.get(m.fileId) : undefined;
      n += 1;
      ws.addRow([n, community.name, m.name, file?.gender ?? '', file?.birth ?? '', file?.education ?? '', m.post, m.since, latestTraining(file), m.fileId ?? '']);
    }
  }
  const history = wb.addWorksheet('变动记录');
  title(history, `市中区${streetLabel(view.street)}社区“两委”成员变动记录`, 6);
  header(history, 2, ['日期', '社区', '姓名', '职务', '变动', '原因']);
  history.columns = [12, 16, 10, 14, 8, 40].map((width) => ({ width }));
  for (const c of view.history) history.addRow([c.date, c.community, c.name, c.post, c.change === 'join' ? '任职' : '离任', c.reason]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template to fill in: the two sheets with their headers, one example row each, and a notes sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  const files = wb.addWorksheet(FILE_SHEET);
  header(files, 1, FILE_COLUMNS.map((c) => c.label));
  files.columns = FILE_COLUMNS.map((c) => ({ width: c.key === 'address' ? 30 : c.key === 'idNumber' ? 22 : 12 }));
  files.addRow(['p-0001', '示例人员', '女', '1985-03', '大观园街道', '示例社区', '居委会委员', '本科', '13800000000', '370100198503000000', '示例地址（请删除本行）']);
  // ID numbers and phones as text, so Excel neither rounds nor reformats them.
  for (const key of ['phone', 'idNumber', 'fileId'] as const) files.getColumn(FILE_COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = '@';
  const members = wb.addWorksheet(MEMBER_SHEET);
  header(members, 1, MEMBER_COLUMNS.map((c) => c.label));
  members.columns = MEMBER_COLUMNS.map(() => ({ width: 14 }));
  members.addRow(['大观园街道', '示例社区', '示例人员', '居委会委员', '2021-05-08', 'p-0001']);
  const notes = wb.addWorksheet('填写说明');
  const lines = [
    '1. “人员档案”每行一人；档案编号唯一，书记的档案编号与书记编号相同（如 sec-01）。',
    '2. “两委名册”每行一个职务；档案编号可空，填写时须为本表或系统中已有的档案。',
    '3. 街道填写市中区 17 个街道之一；日期写作 2021-05-08；性别写 男 或 女。',
    `4. 档案条目类型：${Object.values(ENTRY_KIND_LABELS).join('、')}，在系统中逐条录入。`,
    '5. 导入前系统会逐行检查；只要有一行有误，整表都不会导入，请按提示改正后重新上传。',
    '6. 请删除两张表中的示例行后再导入。',
  ];
  lines.forEach((line, i) => (notes.getCell(i + 1, 1).value = line));
  notes.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function readSheet(ws: Worksheet | undefined, sheet: string, errors: ImportError[]): RawRow[] {
  if (!ws) return [];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const missing = missingColumns(sheet, headers);
  if (missing.length > 0) {
    errors.push(...missing);
    return [];
  }
  return textRows(ws, headers);
}

/** The uploaded workbook's two sheets as text rows, or header errors. Neither sheet at all is an error too. */
export async function readImportWorkbook(bytes: Buffer): Promise<{ files: RawRow[]; members: RawRow[]; errors: ImportError[] }> {
  const wb = await loadWorkbook(bytes);
  const errors: ImportError[] = [];
  const fileSheet = wb.getWorksheet(FILE_SHEET);
  const memberSheet = wb.getWorksheet(MEMBER_SHEET);
  if (!fileSheet && !memberSheet) errors.push({ sheet: FILE_SHEET, row: 1, message: `表格中没有“${FILE_SHEET}”或“${MEMBER_SHEET}”工作表，请使用导入模板` });
  return { files: readSheet(fileSheet, FILE_SHEET, errors), members: readSheet(memberSheet, MEMBER_SHEET, errors), errors };
}

/** The office's uploaded sheet, refused above MAX_IMPORT_BYTES. */
export const downloadUpload = (fileID: string): Promise<Buffer> => download(fileID, MAX_IMPORT_BYTES);
