/**
 * Helpers for the archive's tests and import benchmark (not bundled: build.mjs bundles only index.ts and its
 * imports): build an import workbook the way an office would fill the template, upload it as the H5 preview
 * does, and open an exported workbook.
 */
import { Workbook } from 'exceljs';
import { FILE_COLUMNS, FILE_SHEET, MEMBER_COLUMNS, MEMBER_SHEET, STREETS } from '@yanzhen/domain';
import type { FunctionsClient } from '../test-support/functions-client';

export type SheetRow = Record<string, string | number | Date>;

/** A workbook with the template's two sheets; rows keyed by header label. */
export async function importWorkbook(files: SheetRow[], members: SheetRow[] = []): Promise<Buffer> {
  const wb = new Workbook();
  const fill = (name: string, labels: string[], rows: SheetRow[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(labels);
    for (const r of rows) ws.addRow(labels.map((l) => r[l] ?? null));
  };
  fill(FILE_SHEET, FILE_COLUMNS.map((c) => c.label), files);
  fill(MEMBER_SHEET, MEMBER_COLUMNS.map((c) => c.label), members);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `count` invented people (ids `<prefix>-0001`…), spread over the 17 streets; obviously fake private data. */
export function peopleRows(count: number, prefix: string): SheetRow[] {
  // Names differ per prefix, so that two imports in one test run are not duplicates on the rosters.
  const shift = [...prefix].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) % 4000;
  return Array.from({ length: count }, (_v, i) => ({
    档案编号: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    姓名: `测试${String.fromCharCode(0x4e00 + ((i + shift) % 5000))}${String.fromCharCode(0x4e00 + ((i * 7 + shift) % 5000))}`,
    性别: i % 2 ? '男' : '女',
    出生年月: `${1970 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}`,
    街道: `${STREETS[i % STREETS.length]}街道`,
    社区: `导入${i % 40}社区`,
    职务: '居委会委员',
    学历: '本科',
    手机号: `1990001${String(i % 10000).padStart(4, '0')}`,
    身份证号: `370103190001${String(i % 1000000).padStart(6, '0')}`,
    家庭住址: `虚构路${i + 1}号`,
  }));
}

/** Roster rows for the people of `peopleRows` (each person one post). */
export function memberRows(people: SheetRow[]): SheetRow[] {
  return people.map((p) => ({ 街道: p['街道'], 社区: p['社区'], 姓名: p['姓名'], 职务: p['职务'], 任职日期: '2021-05-08', 档案编号: p['档案编号'] }));
}

/** Uploads bytes as `openid` through the local cloud's H5 upload endpoint → `cloud://` fileID. */
export async function uploadAs(client: FunctionsClient, openid: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${client.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await client.token(openid)}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (!res.ok) throw new Error(`upload answered HTTP ${res.status}`);
  return ((await res.json()) as { fileID: string }).fileID;
}

export const uniquePath = (name: string): string => `imports/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}-${name}.xlsx`;

/** Downloads a workbook from a temporary URL and opens it. */
export async function openWorkbook(url: string): Promise<Workbook> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download answered HTTP ${res.status}`);
  const wb = new Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A sheet's rows as arrays of cell text (from row `from`). */
export function sheetText(wb: Workbook, sheet: string, from = 1): string[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    if (n >= from) rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean))));
  });
  return rows;
}
