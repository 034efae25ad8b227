import { AppError } from '@yanzhen/domain';
import { openapi } from '../shared/openapi';

const RISKY_MESSAGE = '内容可能含有不适宜的信息，请修改后再提交';
/** msgSecCheck v1's "risky content" error code, still answered by some gateways. */
const RISKY_ERRCODE = 87014;

/**
 * WeChat content security (msgSecCheck v2) for secondment reports and mentor comments: one secretary writes,
 * another (her mentor or mentee) and the office read it, so it is user text shown to others. The author's
 * OpenID, scene 2 (评论). Risky → invalid-argument and nothing is stored.
 */
export async function checkReportText(openid: string, text: string): Promise<void> {
  let suggest: unknown;
  try {
    const res = (await openapi().security.msgSecCheck({ openid, scene: 2, version: 2, content: text })) as { result?: { suggest?: string } };
    suggest = res.result?.suggest;
  } catch (err) {
    if ((err as { errCode?: unknown }).errCode === RISKY_ERRCODE) throw new AppError('invalid-argument', RISKY_MESSAGE);
    console.error('[talent] msgSecCheck failed', err);
    throw new AppError('internal', '内容安全检查暂时不可用，请稍后再试');
  }
  if (suggest === 'risky') throw new AppError('invalid-argument', RISKY_MESSAGE);
}
