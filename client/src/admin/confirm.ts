import Taro from '@tarojs/taro';

/** A confirmation before an action that is hard to undo; resolves true only on 确定. */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, confirmColor: '#C8161D', cancelText: '取消' });
    return res.confirm;
  } catch {
    return false;
  }
}

/** A short result or refusal after an action, in the function's own words. */
export function tell(message: string): void {
  void Taro.showModal({ title: '提示', content: message, showCancel: false, confirmText: '知道了', confirmColor: '#C8161D' });
}
