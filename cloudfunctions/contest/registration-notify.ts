import { inChina, REGISTRATION_RESULT_PAGE, REGISTRATION_RESULT_TEMPLATE_ID, type RegistrationDoc } from '@yanzhen/domain';
import { cloud } from '../shared/cloud';

/**
 * The one-time subscribe message that tells a secretary the result of her registration. She accepted it on the
 * tap that submitted (`wx.requestSubscribeMessage`), which allows exactly one later send; the review claims it
 * (`notifiedAt`) in the same write as the decision, so a registration gets at most one message even if the
 * review is retried. A failed send is logged, not retried: the result is on her 报名大比武 page anyway.
 */
interface SubscribeMessageApi {
  subscribeMessage: {
    send(req: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: 'developer' | 'trial' | 'formal' }): Promise<unknown>;
  };
}

// cloud.openapi is typed `Record<string, any>`; this is the slice used here (shared/openapi.ts types the others).
const subscribeApi = (): SubscribeMessageApi => cloud.openapi as SubscribeMessageApi;

/** WeChat's limits per field kind: thing ≤ 20 characters, phrase ≤ 5. */
const clip = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('') || '—';
};

export function resultMessageData(reg: Pick<RegistrationDoc, 'status' | 'rejectReason'>, contestTitle: string, at: Date) {
  const approved = reg.status === 'approved';
  return {
    thing1: { value: clip(contestTitle, 20) },
    phrase2: { value: approved ? '已通过' : '未通过' },
    thing3: { value: clip(approved ? '请留意比武安排' : `原因：${reg.rejectReason ?? ''}`, 20) },
    time4: { value: inChina(at).format('YYYY-MM-DD HH:mm') },
  };
}

export async function sendResultMessage(openid: string, reg: Pick<RegistrationDoc, 'status' | 'rejectReason'>, contestTitle: string, at: Date): Promise<boolean> {
  try {
    await subscribeApi().subscribeMessage.send({
      touser: openid,
      templateId: REGISTRATION_RESULT_TEMPLATE_ID,
      page: REGISTRATION_RESULT_PAGE,
      data: resultMessageData(reg, contestTitle, at),
    });
    return true;
  } catch (err) {
    // 43101: she did not accept, or already used it up. Nothing else to do: the page shows the result.
    console.warn('[contest] registration result message not sent', (err as { errCode?: unknown }).errCode ?? err);
    return false;
  }
}
