import { z } from 'zod';
import { basicsSchema, fileIdSchema, isoDaySchema, ROSTER_POSTS, streetSchema, type FileBasics, type RosterPost } from './archive';
import type { Street } from './streets';

/**
 * Import of person files and street rosters from the office's workbook: two sheets with fixed headers.
 * Validation is pure and complete: every row is checked (and checked against what is already stored)
 * before anything is written, so a sheet with one bad row imports nothing and names that row.
 */
export const FILE_SHEET = '人员档案';
export const MEMBER_SHEET = '两委名册';

export const FILE_COLUMNS = [
  { key: 'fileId', label: '档案编号', required: true },
  { key: 'name', label: '姓名', required: true },
  { key: 'gender', label: '性别', required: true },
  { key: 'birth', label: '出生年月', required: false },
  { key: 'street', label: '街道', required: true },
  { key: 'community', label: '社区', required: true },
  { key: 'post', label: '职务', required: true },
  { key: 'education', label: '学历', required: false },
  { key: 'phone', label: '手机号', required: false },
  { key: 'idNumber', label: '身份证号', required: false },
  { key: 'address', label: '家庭住址', required: false },
] as const;

export const MEMBER_COLUMNS = [
  { key: 'street', label: '街道', required: true },
  { key: 'community', label: '社区', required: true },
  { key: 'name', label: '姓名', required: true },
  { key: 'post', label: '职务', required: true },
  { key: 'since', label: '任职日期', required: true },
  { key: 'fileId', label: '档案编号', required: false },
] as const;

/** One sheet row as text cells keyed by header label (the function turns exceljs values into text). */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
}

export interface ImportError {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

export interface ImportFileRow {
  row: number;
  fileId: string;
  basics: FileBasics;
}

export interface ImportMemberRow {
  row: number;
  street: Street;
  community: string;
  name: string;
  post: RosterPost;
  since: string;
  fileId: string | null;
}

export interface ImportPlan {
  files: ImportFileRow[];
  members: ImportMemberRow[];
  errors: ImportError[];
}

/** What is stored already, for duplicate checks. */
export interface ImportContext {
  existingFileIds: ReadonlySet<string>;
  /** `memberKey(...)` of every current roster member. */
  existingMembers: ReadonlySet<string>;
}

export const memberKey = (m: { street: string; community: string; name: string; post: string }): string => `${m.street}|${m.community}|${m.name}|${m.post}`;

/** `大观园街道` and `大观园` both name the street. */
const streetName = (s: string): string => s.trim().replace(/街道$/, '');
/** `1985-03-12`, `1985-03`, `1985.3`, `1985/03` → `1985-03`; anything else is left for the schema to refuse. */
function yearMonth(s: string): string {
  const m = /^(\d{4})[-./年](\d{1,2})/.exec(s.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : s.trim();
}
/** `2021-05-08`, `2021/5/8`, `2021.5.8` → `2021-05-08`. */
function isoDay(s: string): string {
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s.trim();
}

function issuesOf(error: z.ZodError, sheet: string, row: number, labels: Record<string, string>): ImportError[] {
  return error.issues.map((i) => ({ sheet, row, column: labels[String(i.path[0])] ?? String(i.path[0] ?? ''), message: i.message }));
}

const memberSchema = z.strictObject({
  street: streetSchema,
  community: z.string().trim().min(1, '请填写社区').max(30),
  name: z.string().trim().min(1, '请填写姓名').max(20),
  post: z.enum(ROSTER_POSTS, { message: `职务须为 ${ROSTER_POSTS.join('、')} 之一` }),
  since: isoDaySchema,
  fileId: fileIdSchema.nullable(),
});

/** Header problems: a sheet whose required columns are missing cannot be read at all. */
export function missingColumns(sheet: string, headers: readonly string[]): ImportError[] {
  const columns = sheet === FILE_SHEET ? FILE_COLUMNS : MEMBER_COLUMNS;
  return columns.filter((c) => c.required && !headers.includes(c.label)).map((c) => ({ sheet, row: 1, column: c.label, message: `缺少“${c.label}”列` }));
}

export function planImport(fileRows: RawRow[], memberRows: RawRow[], ctx: ImportContext): ImportPlan {
  const errors: ImportError[] = [];
  const files: ImportFileRow[] = [];
  const fileLabels = Object.fromEntries(FILE_COLUMNS.map((c) => [c.key, c.label]));
  const seenFiles = new Map<string, number>();
  // Ids the sheet names, even on rows with errors: a roster row pointing at such a row is not wrong itself.
  const sheetIds = new Set(fileRows.map((r) => (r.cells['档案编号'] ?? '').trim()).filter(Boolean));
  for (const { row, cells } of fileRows) {
    const get = (label: string) => (cells[label] ?? '').trim();
    const id = fileIdSchema.safeParse(get('档案编号'));
    const basics = basicsSchema.safeParse({
      name: get('姓名'), gender: get('性别'), birth: get('出生年月') ? yearMonth(get('出生年月')) : '', street: streetName(get('街道')),
      community: get('社区'), post: get('职务'), education: get('学历'), phone: get('手机号'), idNumber: get('身份证号'), address: get('家庭住址'),
    });
    if (!id.success) errors.push(...issuesOf(id.error, FILE_SHEET, row, {}).map((e) => ({ ...e, column: '档案编号' })));
    if (!basics.success) errors.push(...issuesOf(basics.error, FILE_SHEET, row, fileLabels));
    if (!id.success || !basics.success) continue;
    const earlier = seenFiles.get(id.data);
    if (earlier !== undefined) errors.push({ sheet: FILE_SHEET, row, column: '档案编号', message: `档案编号 ${id.data} 与第 ${earlier} 行重复` });
    else if (ctx.existingFileIds.has(id.data)) errors.push({ sheet: FILE_SHEET, row, column: '档案编号', message: `档案编号 ${id.data} 已存在，不能重复导入` });
    else files.push({ row, fileId: id.data, basics: basics.data });
    if (earlier === undefined) seenFiles.set(id.data, row);
  }
  const members: ImportMemberRow[] = [];
  const memberLabels = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, c.label]));
  const seenMembers = new Map<string, number>();
  for (const { row, cells } of memberRows) {
    const get = (label: string) => (cells[label] ?? '').trim();
    const parsed = memberSchema.safeParse({
      street: streetName(get('街道')), community: get('社区'), name: get('姓名'), post: get('职务'), since: isoDay(get('任职日期')), fileId: get('档案编号') || null,
    });
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, MEMBER_SHEET, row, memberLabels));
      continue;
    }
    const m = parsed.data;
    const key = memberKey(m);
    const earlier = seenMembers.get(key);
    if (earlier !== undefined) errors.push({ sheet: MEMBER_SHEET, row, message: `与第 ${earlier} 行重复` });
    else if (ctx.existingMembers.has(key)) errors.push({ sheet: MEMBER_SHEET, row, message: `${m.name}已是${m.community}${m.post}，不能重复导入` });
    else if (m.fileId && !sheetIds.has(m.fileId) && !ctx.existingFileIds.has(m.fileId)) errors.push({ sheet: MEMBER_SHEET, row, column: '档案编号', message: `档案编号 ${m.fileId} 不存在` });
    else members.push({ row, ...m });
    if (earlier === undefined) seenMembers.set(key, row);
  }
  if (fileRows.length === 0 && memberRows.length === 0) errors.push({ sheet: FILE_SHEET, row: 1, message: '表格中没有可导入的数据' });
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === FILE_SHEET ? -1 : 1));
  return { files, members, errors };
}
