import { AppError, ensure } from '@yanzhen/domain';
import { _, db } from './cloud';
import { openapi } from './openapi';
import { readAll } from './read-all';
import { tempUrls } from './storage';

/**
 * WeChat content security as every function that stores user text or photos calls it (showcase, contest
 * registration, salon Q&A, talent reports): text through `security.msgSecCheck` (v2, the author's OpenID),
 * photos through `security.mediaCheckAsync`, whose verdict arrives later as a message push to the `showcase`
 * function (the mini-program's one push target), recorded in `mediaChecks` by trace_id. The callers differ
 * only in the scene and the words shown to the user, so those are parameters.
 */

/** msgSecCheck v1's "risky content" error code, still answered by some gateways. */
const RISKY_ERRCODE = 87014;
const UNAVAILABLE = '内容安全检查暂时不可用，请稍后再试';
const MEDIA_UNAVAILABLE = '图片安全检查暂时不可用，请稍后再试';

export interface TextCheck {
  openid: string;
  /** 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum). */
  scene: 1 | 2 | 3;
  text: string;
  riskyMessage: string;
  /** Details of the invalid-argument error when the text is risky (e.g. which field). */
  riskyDetails?: Record<string, unknown>;
  /** The function's name, for the log line when the check itself fails. */
  logTag: string;
}

/** Risky → invalid-argument (nothing may be stored); `review` passes (an admin reviews or can remove it). */
export async function ensureTextSafe(c: TextCheck): Promise<void> {
  let suggest: unknown;
  try {
    const res = (await openapi().security.msgSecCheck({ openid: c.openid, scene: c.scene, version: 2, content: c.text })) as { result?: { suggest?: string } };
    suggest = res.result?.suggest;
  } catch (err) {
    if ((err as { errCode?: unknown }).errCode === RISKY_ERRCODE) throw new AppError('invalid-argument', c.riskyMessage, c.riskyDetails);
    console.error(`[${c.logTag}] msgSecCheck failed`, err);
    throw new AppError('internal', UNAVAILABLE);
  }
  if (suggest === 'risky') throw new AppError('invalid-argument', c.riskyMessage, c.riskyDetails);
}

export type MediaVerdict = 'pending' | 'pass' | 'risky';

/** One image check, keyed by WeChat's trace_id (never shown to clients: it authenticates the push). */
export interface MediaCheckDoc {
  _id: string;
  fileId: string;
  secretaryId: string;
  status: MediaVerdict;
  label?: number;
  createdAt: Date;
  checkedAt?: Date;
}

/** `cloud://<env>.<bucket>/<path>` → `<path>`. */
export function cloudPathOf(fileId: string): string | undefined {
  return /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1];
}

/** The verdict of each image: the latest check of that file, `pending` while none has answered. */
export async function verdictsOf(secretaryId: string, fileIds: string[]): Promise<Map<string, MediaVerdict>> {
  const verdicts = new Map<string, MediaVerdict>();
  if (fileIds.length === 0) return verdicts;
  const checks = await readAll<MediaCheckDoc>('mediaChecks', { secretaryId, fileId: _.in(fileIds) }, { orderBy: ['createdAt', 'asc'] });
  for (const c of checks) verdicts.set(c.fileId, c.status);
  return verdicts;
}

/** What the user is told, in the words of the page she is on (照片/图片, 提交/保存). */
export interface ImageCheckMessages {
  notOwn: string;
  risky: string;
  missing: string;
}

/**
 * Before images are stored: every one is the secretary's own (`isOwn`) and exists, none has failed its
 * check, and each one not checked yet is sent to mediaCheckAsync (its pending check recorded by trace_id).
 */
export async function screenImages(
  fileIds: string[],
  isOwn: (fileId: string) => boolean,
  who: { secretaryId: string; openid: string; logTag: string },
  messages: ImageCheckMessages,
  now: Date,
): Promise<void> {
  if (fileIds.length === 0) return;
  for (const f of fileIds) ensure(isOwn(f), 'invalid-argument', messages.notOwn, { fileId: f });
  const verdicts = await verdictsOf(who.secretaryId, fileIds);
  ensure(![...verdicts.values()].includes('risky'), 'invalid-argument', messages.risky);
  const unchecked = fileIds.filter((f) => !verdicts.has(f));
  if (unchecked.length === 0) return;
  const urls = await tempUrls(unchecked);
  for (const f of unchecked) ensure(urls.has(f), 'invalid-argument', messages.missing, { fileId: f });
  for (const f of unchecked) {
    let traceId: unknown;
    try {
      const res = (await openapi().security.mediaCheckAsync({ mediaUrl: urls.get(f), mediaType: 2, version: 2, scene: 1, openid: who.openid })) as { traceId?: unknown };
      traceId = res.traceId;
    } catch (err) {
      console.error(`[${who.logTag}] mediaCheckAsync failed`, err);
      throw new AppError('internal', MEDIA_UNAVAILABLE);
    }
    ensure(typeof traceId === 'string' && traceId, 'internal', MEDIA_UNAVAILABLE);
    const check: Omit<MediaCheckDoc, '_id'> = { fileId: f, secretaryId: who.secretaryId, status: 'pending', createdAt: now };
    await db.collection('mediaChecks').add({ data: { _id: traceId, ...check } });
  }
}

/** Why an approval must wait (`risky` or `pending`, in the caller's words), or undefined when every image passed. */
export async function imagesBlocking(fileIds: string[], secretaryId: string, messages: { risky: string; pending: string }): Promise<string | undefined> {
  if (fileIds.length === 0) return undefined;
  const verdicts = await verdictsOf(secretaryId, fileIds);
  if (fileIds.some((f) => verdicts.get(f) === 'risky')) return messages.risky;
  if (fileIds.some((f) => verdicts.get(f) !== 'pass')) return messages.pending;
  return undefined;
}
