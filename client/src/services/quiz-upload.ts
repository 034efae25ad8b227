import Taro from '@tarojs/taro';
import { ensureToken } from './h5-session';

/**
 * Picking an Excel sheet and putting it in cloud storage under `quiz-imports/` (the only folder the import
 * reads). The mini-program picks from a chat (`chooseMessageFile`: WeChat has no file browser) and uploads
 * with `cloud.uploadFile`; the H5 preview opens the browser's file dialog and posts to the local cloud.
 */
export interface PickedSheet {
  fileId: string;
  name: string;
}

const importPath = (): string => `quiz-imports/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.xlsx`;

function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
}

async function uploadInBrowser(file: File): Promise<string> {
  const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(importPath())}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${await ensureToken()}` },
    body: file,
  });
  if (!res.ok) throw new Error(`upload answered HTTP ${res.status}`);
  const body = (await res.json()) as { fileID?: unknown };
  if (typeof body.fileID !== 'string') throw new Error('upload answered without a fileID');
  return body.fileID;
}

/** The picked sheet once uploaded, or null when the admin picked nothing. Throws when the upload fails. */
export async function pickAndUploadSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await pickInBrowser();
    return file ? { fileId: await uploadInBrowser(file), name: file.name } : null;
  }
  let picked: { path: string; name: string } | undefined;
  try {
    picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles[0];
  } catch {
    return null; // cancelled
  }
  if (!picked) return null;
  const uploaded = await Taro.cloud.uploadFile({ cloudPath: importPath(), filePath: picked.path });
  return { fileId: uploaded.fileID, name: picked.name };
}
