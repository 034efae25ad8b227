import { Text, View } from '@tarojs/components';
import type { AppErrorBody } from '@yanzhen/domain';
import { Button } from '../ui/nutui';
import './StatusView.scss';

/** Loading line shown while a page's first answer is on its way. */
export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='yz-status yz-status--loading'>
      <View className='yz-status__spinner' />
      <Text className='yz-status__text'>{text}</Text>
    </View>
  );
}

/** A readable Chinese error with a retry button. */
export function ErrorView({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  return (
    <View className='yz-status yz-status--error'>
      <Text className='yz-status__title'>加载没有成功</Text>
      <Text className='yz-status__text'>{error.message}</Text>
      <Button className='yz-status__retry' type='primary' size='large' onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}
