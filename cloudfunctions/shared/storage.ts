import { cloud } from './cloud';

/** Temporary URLs (2 h) for many cloud file ids in one storage call; unknown or missing files are left out. */
export async function tempUrls(fileIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && f.startsWith('cloud://')))];
  const urls = new Map<string, string>();
  if (wanted.length === 0) return urls;
  try {
    // Typed `Promise | void` by the SDK (void only in its callback style, unused here).
    const res = (await cloud.getTempFileURL({ fileList: wanted })) as { fileList: { fileID: string; status: number; tempFileURL: string }[] };
    for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL);
  } catch (err) {
    // A missing photo must not take the page down: it shows its placeholder (or the other photos) instead.
    console.warn('getTempFileURL failed', err);
  }
  return urls;
}
