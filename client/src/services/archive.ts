import Taro from '@tarojs/taro';
import type { ArchiveEntry, EntryInput, Envelope, FileBasics, ImportError, ProposalDoc, RosterChangeInput, RosterView, Street } from '@yanzhen/domain';
import { callFunction } from './cloud';
import { ensureToken } from './h5-session';

/** Typed calls of the `archive` function (docs/api.md#archive). Dates arrive as ISO strings. */

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type Entry = Wire<ArchiveEntry>;

export interface FileListItem {
  _id: string;
  secretaryId: string | null;
  name: string;
  gender: string;
  street: string;
  community: string;
  post: string;
  education: string;
  /** Masked (`199****0001`). */
  phone: string;
}

export type AdminFile = FileBasics & { _id: string; secretaryId: string | null; entries: Entry[] };
export type Proposal = Wire<ProposalDoc>;
export type OwnFile = Omit<AdminFile, 'phone' | 'idNumber' | 'address'>;
export interface OwnProposal {
  _id: string;
  entry: EntryInput;
  status: ProposalDoc['status'];
  reason: string;
  createdAt: string;
}

export interface PublishedFile {
  fileID: string;
  tempFileURL: string;
  fileName: string;
}

export interface ImportPreview {
  jobId: string | null;
  status: 'previewed' | 'committing' | 'committed' | 'invalid';
  files: number;
  members: number;
  errors: ImportError[];
  errorCount: number;
  sample: { row: number; fileId: string; name: string; street: string; community: string; post: string }[];
}

const archive = <T>(action: string, data: object = {}): Promise<Envelope<T>> => callFunction<T>('archive', { action, ...data });

export const listFiles = (street?: Street, page = 1) => archive<{ items: FileListItem[]; page: number; hasMore: boolean }>('listFiles', street ? { street, page } : { page });
export const getFile = (fileId: string) => archive<{ file: AdminFile; proposals: Proposal[] }>('getFile', { fileId });
export const addEntry = (fileId: string, entry: EntryInput) => archive<{ entry: Entry }>('addEntry', { fileId, entry });
export const decideProposal = (proposalId: string, decision: 'confirm' | 'reject', reason?: string) =>
  archive<{ proposal: Proposal }>('decideProposal', reason ? { proposalId, decision, reason } : { proposalId, decision });
export const pendingProposals = () => archive<{ items: Proposal[] }>('proposals', { status: 'pending' });
export const myFile = () => archive<{ file: OwnFile | null; proposals: OwnProposal[] }>('myFile');
export const proposeEntry = (entry: EntryInput) => archive<{ proposal: OwnProposal }>('propose', { entry });
export const roster = (street: Street) => archive<RosterView>('roster', { street });
export const changeRoster = (change: RosterChangeInput) => archive<RosterView>('changeRoster', change);
export const exportRoster = (street: Street) => archive<PublishedFile>('exportRoster', { street });
export const importTemplate = () => archive<PublishedFile>('importTemplate');
export const importPreview = (fileID: string) => archive<ImportPreview>('importPreview', { fileID });
export const importCommit = (jobId: string) => archive<{ files: number; members: number; alreadyCommitted: boolean }>('importCommit', { jobId });

/** Where an admin's sheet is uploaded before the preview reads it. */
export const importPath = (): string => `imports/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.xlsx`;

export interface PickedSheet {
  name: string;
  /** weapp: a temp file path; H5: the File itself. */
  path?: string;
  file?: File;
}

/** The H5 preview: a file input (added to the page so that browsers and tests see a normal file chooser). */
function pickInBrowser(): Promise<PickedSheet | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.className = 'archive-import__file-input';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, file } : null);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** The mini-program picks the sheet from a chat (where offices send each other workbooks). */
export async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = res.tempFiles[0];
    return f ? { name: f.name, path: f.path } : null;
  } catch {
    return null; // cancelled
  }
}

export async function uploadSheet(sheet: PickedSheet): Promise<string> {
  const cloudPath = importPath();
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${await ensureToken()}` },
      body: sheet.file,
    });
    if (!res.ok) throw new Error(`upload answered HTTP ${res.status}`);
    return ((await res.json()) as { fileID: string }).fileID;
  }
  return (await Taro.cloud.uploadFile({ cloudPath, filePath: sheet.path as string })).fileID;
}

/** Opens a workbook from its temporary URL: H5 in a new tab, the mini-program through openDocument. */
export async function openWorkbook(file: PublishedFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(file.tempFileURL, '_blank');
    return;
  }
  const res = await Taro.downloadFile({ url: file.tempFileURL });
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}
