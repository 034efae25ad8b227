import { z } from 'zod';
import type { ShowcaseContent } from '@yanzhen/domain';
import { db } from '../shared/cloud';
import { cloudPathOf, imagesBlocking, screenImages, type MediaVerdict } from '../shared/content-security';

/**
 * Photos of a showcase. The editor uploads them with `Taro.cloud.uploadFile` under
 * `showcases/<secretaryId>/` (client/src/services/storage.ts); a draft may only name
 * files under the caller's own prefix that exist in storage. Each new file is checked with WeChat's
 * `security.mediaCheckAsync`, whose verdict arrives later as a message push (Event `wxa_media_check`) to
 * this function (see index.ts); an approval waits for every image to have passed. Temporary URLs are
 * signed for published content (public reads) and for the admin's review card, never for a stranger.
 */
export const uploadPrefix = (secretaryId: string): string => `showcases/${secretaryId}/`;
/** Where the demo data keeps the seeded photos of a secretary (scripts/seed): hers as well. */
const seededPrefix = (secretaryId: string): string => `showcase/${secretaryId}/`;
const isOwnFile = (fileId: string, secretaryId: string): boolean => {
  const path = cloudPathOf(fileId) ?? '';
  return path.startsWith(uploadPrefix(secretaryId)) || path.startsWith(seededPrefix(secretaryId));
};

export const imagesOf = (content: ShowcaseContent | null | undefined): string[] =>
  content ? [...new Set([content.photoFileId, ...content.imageFileIds].filter((f): f is string => Boolean(f)))] : [];

/**
 * Before a draft is stored: every image is the caller's own upload and exists, none has failed its
 * check, and each one not checked yet is sent to mediaCheckAsync.
 */
export async function checkDraftImages(content: ShowcaseContent, secretaryId: string, openid: string, now: Date): Promise<void> {
  await screenImages(
    imagesOf(content),
    (f) => isOwnFile(f, secretaryId),
    { secretaryId, openid, logTag: 'showcase' },
    { notOwn: '只能使用在编辑页上传的图片，请重新上传', risky: '有图片未通过内容安全检测，请更换后再保存', missing: '图片不存在或已被删除，请重新上传' },
    now,
  );
}

/** Why an approval must wait, or undefined when every image of the draft has passed. */
export async function imagesBlockingApproval(content: ShowcaseContent, secretaryId: string): Promise<string | undefined> {
  return imagesBlocking(imagesOf(content), secretaryId, { risky: '有图片未通过内容安全检测，不能发布，请驳回并说明原因', pending: '图片正在进行内容安全检测，请稍后再审核' });
}

/** The message push WeChat sends with a mediaCheckAsync verdict (v2), as far as we read it. */
const mediaCheckPush = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().optional() }),
});

export function isMediaCheckPush(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check';
}

/**
 * Records a verdict. Only a pending check with that trace_id changes, so a forged push needs a trace_id,
 * which only WeChat and this function know. `review` (a human should look) counts as not passed.
 */
export async function receiveMediaCheck(event: unknown): Promise<string> {
  const parsed = mediaCheckPush.safeParse(event);
  if (!parsed.success) return 'ignored';
  const { trace_id: traceId, result } = parsed.data;
  const status: MediaVerdict = result.suggest === 'pass' ? 'pass' : 'risky';
  const res = await db.collection('mediaChecks').where({ _id: traceId, status: 'pending' }).update({ data: { status, label: result.label ?? null, checkedAt: new Date() } });
  return res.stats.updated === 1 ? 'success' : 'ignored';
}
