import { AppError, ensure } from '@yanzhen/domain';
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { cloud } from './cloud';
import { tempUrls } from './storage';

/**
 * What every Excel workbook of the functions does the same way (exceljs): read an uploaded file as rows of
 * text keyed by column label, and hand a generated file to the admin's phone. Files travel through cloud
 * storage both ways: a function answer is limited in size, a file in storage is not, and the phone
 * downloads it from a temporary URL (2 h).
 */

/** One non-empty row of a sheet: its number as Excel shows it and its text per column label. */
export interface TextRow {
  row: number;
  cells: Record<string, string>;
}

/** An uploaded file as a workbook; anything exceljs cannot read is the user's mistake (not an .xlsx). */
export async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid-argument', '无法读取该文件，请上传 .xlsx 格式的 Excel 表格');
  }
  return wb;
}

/**
 * A cell as the text a person typed, trimmed: dates as YYYY-MM-DD (exceljs gives UTC dates), numbers without
 * grouping, rich text, hyperlinks and formula results as their text.
 */
export function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // A phone typed as a number arrives as one; ID numbers as numbers have lost digits and fail validation.
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) {
      const r: unknown = v.result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? String(r).trim() : '';
    }
    return '';
  }
  return String(v).trim();
}

/** The rows below the header row (row 1) that hold any text, each cell under its column's label. */
export function textRows(ws: Worksheet, headers: readonly string[]): TextRow[] {
  const rows: TextRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((label, i) => {
      if (label) cells[label] = cellText(row.getCell(i + 1));
    });
    if (Object.values(cells).some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** An export sheet's finish: a bold header row that stays in view while scrolling, the title printed on each page. */
export function finishExportSheet(ws: Worksheet, title: string): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.headerFooter.oddHeader = title;
}

/** An uploaded file's bytes, refused above `maxBytes` (a sheet near the limit is not an office sheet). */
export async function downloadUpload(fileID: string, maxBytes: number): Promise<Buffer> {
  let content: Buffer;
  try {
    content = ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    throw new AppError('not-found', '找不到上传的文件，请重新选择');
  }
  if (content.length > maxBytes) throw new AppError('invalid-argument', `文件过大（不超过 ${Math.round(maxBytes / 1024 / 1024)} MB）`);
  return content;
}

/** Uploads a generated file and answers its fileID with a temporary download URL (valid 2 h). */
export async function publishFile(cloudPath: string, bytes: Buffer): Promise<{ fileID: string; tempFileURL: string }> {
  let fileID: string;
  try {
    fileID = (await cloud.uploadFile({ cloudPath, fileContent: bytes })).fileID;
  } catch (err) {
    console.error('file upload failed', cloudPath, err);
    throw new AppError('internal', '文件上传失败，请稍后再试');
  }
  const tempFileURL = (await tempUrls([fileID])).get(fileID);
  ensure(tempFileURL, 'internal', '文件暂时无法下载，请稍后再试');
  return { fileID, tempFileURL };
}
