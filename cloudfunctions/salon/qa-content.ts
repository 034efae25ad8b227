import { ensureTextSafe } from '../shared/content-security';

export const RISKY_MESSAGE = '内容可能含有不适宜公开的信息，请修改后再提交';
/**
 * WeChat content security (msgSecCheck v2) for questions and answers: the author's OpenID, scene 3 (论坛,
 * a public discussion). Risky → invalid-argument and nothing is stored; `review` passes (the admin can
 * remove a question afterwards).
 */
export async function checkSalonText(openid: string, text: string): Promise<void> {
  await ensureTextSafe({ openid, scene: 3, text, riskyMessage: RISKY_MESSAGE, logTag: 'salon' });
}
