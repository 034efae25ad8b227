import Taro from '@tarojs/taro';
import { ensureToken } from '../../../services/h5-session';

/**
 * Uploads an archive photo to `salons/<salonId>/<random>.<ext>`, the only folder `salon.saveArchive` accepts:
 * `Taro.cloud.uploadFile` in the mini-program, the local cloud's `/api/storage/upload` in the H5 preview.
 */
export async function uploadSalonPhoto(salonId: string, path: string, type?: string): Promise<string> {
  const ext = type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg';
  const cloudPath = `salons/${salonId}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.${ext}`;
  if (process.env.TARO_ENV !== 'h5') return (await Taro.cloud.uploadFile({ cloudPath, filePath: path })).fileID;
  const blob = await (await fetch(path)).blob();
  const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'Content-Type': blob.type || 'application/octet-stream', Authorization: `Bearer ${await ensureToken()}` },
    body: blob,
  });
  if (!res.ok) throw new Error(`upload answered HTTP ${res.status}`);
  return ((await res.json()) as { fileID: string }).fileID;
}
