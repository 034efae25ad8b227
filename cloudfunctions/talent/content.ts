import { ensureTextSafe } from '../shared/content-security';

const RISKY_MESSAGE = '内容可能含有不适宜的信息，请修改后再提交';
/**
 * WeChat content security (msgSecCheck v2) for secondment reports and mentor comments: one secretary writes,
 * another (her mentor or mentee) and the office read it, so it is user text shown to others. The author's
 * OpenID, scene 2 (评论). Risky → invalid-argument and nothing is stored.
 */
export async function checkReportText(openid: string, text: string): Promise<void> {
  await ensureTextSafe({ openid, scene: 2, text, riskyMessage: RISKY_MESSAGE, logTag: 'talent' });
}
