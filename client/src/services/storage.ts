import Taro from '@tarojs/taro';
import { ensureToken } from './h5-session';

/**
 * Uploads a photo the person picked (`Taro.chooseImage`) to cloud storage and answers its `cloud://` fileID. The
 * mini-program uses `wx.cloud.uploadFile`; the H5 preview posts the bytes to the local cloud's
 * `/api/storage/upload` as the signed-in preview user. Either way the file lands at
 * `showcases/<secretaryId>/<random>.<ext>`: the `showcase` function accepts only photos under the owner's own
 * folder (`uploadPrefix` in cloudfunctions/showcase/images.ts).
 */
export function showcasePhotoPath(secretaryId: string, ext: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return `showcases/${secretaryId}/${random}.${ext}`;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/** The file's extension from its MIME type or name; photos are JPEG unless they say otherwise. */
export function photoExtension(type: string | undefined, name: string | undefined): string {
  if (type && EXTENSIONS[type]) return EXTENSIONS[type];
  const m = /\.(jpe?g|png|webp|gif)$/i.exec(name ?? '');
  return m ? m[1].toLowerCase().replace('jpeg', 'jpg') : 'jpg';
}

async function uploadFromBrowser(cloudPath: string, filePath: string): Promise<string> {
  const blob = await (await fetch(filePath)).blob();
  const send = async () =>
    fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'Content-Type': blob.type || 'application/octet-stream', Authorization: `Bearer ${await ensureToken()}` },
      body: blob,
    });
  const res = await send();
  if (!res.ok) throw new Error(`upload answered HTTP ${res.status}`);
  const body = (await res.json()) as { fileID?: unknown };
  if (typeof body.fileID !== 'string') throw new Error('upload answered without a fileID');
  return body.fileID;
}

export interface PickedPhoto {
  /** A path the page can show at once (a temp file in weapp, a blob: URL in H5). */
  path: string;
  type?: string;
  name?: string;
}

export async function uploadShowcasePhoto(secretaryId: string, photo: PickedPhoto): Promise<string> {
  const cloudPath = showcasePhotoPath(secretaryId, photoExtension(photo.type, photo.name ?? photo.path));
  if (process.env.TARO_ENV === 'h5') return uploadFromBrowser(cloudPath, photo.path);
  const uploaded = await Taro.cloud.uploadFile({ cloudPath, filePath: photo.path });
  return uploaded.fileID;
}

/** The same upload to any `cloudPath` (contest registration photos go under `contest/<contestId>/<secretaryId>/`). */
export async function uploadToCloudPath(cloudPath: string, photo: PickedPhoto): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return uploadFromBrowser(cloudPath, photo.path);
  return (await Taro.cloud.uploadFile({ cloudPath, filePath: photo.path })).fileID;
}
