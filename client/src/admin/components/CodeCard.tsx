import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui/nutui';
import { formatTime } from '../format';

interface Props {
  /** What the code is for, e.g. "郑晓梅（青年东路社区）的绑定码". */
  title: string;
  code: string;
  expiresAt: string;
}

/**
 * A freshly issued one-time code, shown large enough to read out or copy once. It is never shown again (the
 * function keeps only its hash), so the card says how to hand it over.
 */
export function CodeCard({ title, code, expiresAt }: Props) {
  return (
    <View className='adm-code'>
      <Text className='adm-code__title'>{title}</Text>
      <Text className='adm-code__value'>{code}</Text>
      <Text className='adm-code__expiry'>有效期至 {formatTime(expiresAt)}，只能使用一次</Text>
      <Text className='adm-code__note'>请当面交给本人，不要转发到微信群。离开本页后无法再次查看，遗失可重新发放。</Text>
      <Button
        className='adm-code__copy'
        size='normal'
        onClick={() => void Taro.setClipboardData({ data: code }).catch(() => Taro.showToast({ title: '复制没有成功，请手动抄写', icon: 'none' }))}
      >
        复制
      </Button>
    </View>
  );
}
