import { AppError, ensure, registrationUploadPrefix, type RegistrationMaterials } from '@yanzhen/domain';
import { db } from '../shared/cloud';
import { openapi } from '../shared/openapi';
import { tempUrls } from '../showcase/cards';
import { RISKY_MESSAGE } from '../showcase/content';
import { cloudPathOf, uploadPrefix, verdictsOf, type MediaCheckDoc } from '../showcase/images';

/**
 * WeChat content security for registration materials, as showcase editing does it: the text through
 * `security.msgSecCheck` (v2, scene 1, the author's OpenID; risky → refused, nothing stored), each new photo
 * through `security.mediaCheckAsync`, whose verdict arrives later as a message push to the `showcase`
 * function (the mini-program's one push target), which records it in `mediaChecks` by trace_id. An approval
 * waits for every photo to have passed.
 */

/** msgSecCheck v1's "risky content" error code, still answered by some gateways. */
const RISKY_ERRCODE = 87014;

export async function checkMaterialsText(openid: string, m: RegistrationMaterials): Promise<void> {
  const content = [m.projectTitle, m.projectDescription, m.summary].join('\n');
  let suggest: unknown;
  try {
    const res = (await openapi().security.msgSecCheck({ openid, scene: 1, version: 2, content })) as { result?: { suggest?: string } };
    suggest = res.result?.suggest;
  } catch (err) {
    if ((err as { errCode?: unknown }).errCode === RISKY_ERRCODE) throw new AppError('invalid-argument', RISKY_MESSAGE);
    console.error('[contest] msgSecCheck failed', err);
    throw new AppError('internal', '内容安全检查暂时不可用，请稍后再试');
  }
  if (suggest === 'risky') throw new AppError('invalid-argument', RISKY_MESSAGE);
}

/** Her registration uploads, or the photos of her own showcase (she may reuse them). */
function isOwnPhoto(fileId: string, contestId: string, secretaryId: string): boolean {
  const path = cloudPathOf(fileId) ?? '';
  return [registrationUploadPrefix(contestId, secretaryId), uploadPrefix(secretaryId), `showcase/${secretaryId}/`].some((p) => path.startsWith(p));
}

/**
 * Before materials are stored: every photo is the secretary's own and exists, none has failed its check,
 * and each one not checked yet is sent to mediaCheckAsync (its pending check is recorded by trace_id).
 */
export async function checkMaterialPhotos(fileIds: string[], contestId: string, secretaryId: string, openid: string, now: Date): Promise<void> {
  if (fileIds.length === 0) return;
  for (const f of fileIds) ensure(isOwnPhoto(f, contestId, secretaryId), 'invalid-argument', '只能使用在报名页上传的照片，请重新上传', { fileId: f });
  const verdicts = await verdictsOf(secretaryId, fileIds);
  ensure(![...verdicts.values()].includes('risky'), 'invalid-argument', '有照片未通过内容安全检测，请更换后再提交');
  const unchecked = fileIds.filter((f) => !verdicts.has(f));
  if (unchecked.length === 0) return;
  const urls = await tempUrls(unchecked);
  for (const f of unchecked) ensure(urls.has(f), 'invalid-argument', '照片不存在或已被删除，请重新上传', { fileId: f });
  for (const f of unchecked) {
    let traceId: unknown;
    try {
      const res = (await openapi().security.mediaCheckAsync({ mediaUrl: urls.get(f), mediaType: 2, version: 2, scene: 1, openid })) as { traceId?: unknown };
      traceId = res.traceId;
    } catch (err) {
      console.error('[contest] mediaCheckAsync failed', err);
      throw new AppError('internal', '图片安全检查暂时不可用，请稍后再试');
    }
    ensure(typeof traceId === 'string' && traceId, 'internal', '图片安全检查暂时不可用，请稍后再试');
    const check: Omit<MediaCheckDoc, '_id'> = { fileId: f, secretaryId, status: 'pending', createdAt: now };
    await db.collection('mediaChecks').add({ data: { _id: traceId, ...check } });
  }
}

/** Why an approval must wait, or undefined when every photo has passed its check. */
export async function photosBlockingApproval(fileIds: string[], secretaryId: string): Promise<string | undefined> {
  if (fileIds.length === 0) return undefined;
  const verdicts = await verdictsOf(secretaryId, fileIds);
  if (fileIds.some((f) => verdicts.get(f) === 'risky')) return '有照片未通过内容安全检测，不能通过，请驳回并说明原因';
  if (fileIds.some((f) => verdicts.get(f) !== 'pass')) return '照片正在进行内容安全检测，请稍后再审核';
  return undefined;
}
