import { AppError } from '@yanzhen/domain';
import { openapi } from '../shared/openapi';

export const RISKY_MESSAGE = '内容可能含有不适宜公开的信息，请修改后再提交';
/** msgSecCheck v1's "risky content" error code, still answered by some gateways. */
const RISKY_ERRCODE = 87014;

/**
 * WeChat content security (msgSecCheck v2) for questions and answers: the author's OpenID, scene 3 (论坛,
 * a public discussion). Risky → invalid-argument and nothing is stored; `review` passes (the admin can
 * remove a question afterwards).
 */
export async function checkSalonText(openid: string, text: string): Promise<void> {
  let suggest: unknown;
  try {
    const res = (await openapi().security.msgSecCheck({ openid, scene: 3, version: 2, content: text })) as { result?: { suggest?: string } };
    suggest = res.result?.suggest;
  } catch (err) {
    if ((err as { errCode?: unknown }).errCode === RISKY_ERRCODE) throw new AppError('invalid-argument', RISKY_MESSAGE);
    console.error('[salon] msgSecCheck failed', err);
    throw new AppError('internal', '内容安全检查暂时不可用，请稍后再试');
  }
  if (suggest === 'risky') throw new AppError('invalid-argument', RISKY_MESSAGE);
}
