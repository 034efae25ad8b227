import { registrationUploadPrefix, type RegistrationMaterials } from '@yanzhen/domain';
import { cloudPathOf, ensureTextSafe, imagesBlocking, screenImages } from '../shared/content-security';
import { RISKY_MESSAGE } from '../showcase/content';
import { uploadPrefix } from '../showcase/images';

/**
 * WeChat content security for registration materials, as showcase editing does it: the text through
 * `security.msgSecCheck` (v2, scene 1, the author's OpenID; risky → refused, nothing stored), each new photo
 * through `security.mediaCheckAsync`, whose verdict arrives later as a message push to the `showcase`
 * function (the mini-program's one push target), which records it in `mediaChecks` by trace_id. An approval
 * waits for every photo to have passed.
 */

export async function checkMaterialsText(openid: string, m: RegistrationMaterials): Promise<void> {
  const text = [m.projectTitle, m.projectDescription, m.summary].join('\n');
  await ensureTextSafe({ openid, scene: 1, text, riskyMessage: RISKY_MESSAGE, logTag: 'contest' });
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
  await screenImages(
    fileIds,
    (f) => isOwnPhoto(f, contestId, secretaryId),
    { secretaryId, openid, logTag: 'contest' },
    { notOwn: '只能使用在报名页上传的照片，请重新上传', risky: '有照片未通过内容安全检测，请更换后再提交', missing: '照片不存在或已被删除，请重新上传' },
    now,
  );
}

/** Why an approval must wait, or undefined when every photo has passed its check. */
export async function photosBlockingApproval(fileIds: string[], secretaryId: string): Promise<string | undefined> {
  return imagesBlocking(fileIds, secretaryId, { risky: '有照片未通过内容安全检测，不能通过，请驳回并说明原因', pending: '照片正在进行内容安全检测，请稍后再审核' });
}
