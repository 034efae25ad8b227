import { Text, View } from '@tarojs/components';
import { Button } from '../ui/nutui';
import './EmptyState.scss';

/** "Nothing here yet" with what to do next: a page never ends in a blank space. */
export function EmptyState({ title, text, action, onAction }: { title: string; text?: string; action?: string; onAction?: () => void }) {
  return (
    <View className='yz-empty'>
      <View className='yz-empty__mark' />
      <Text className='yz-empty__title'>{title}</Text>
      {text ? <Text className='yz-empty__text'>{text}</Text> : null}
      {action && onAction ? (
        <Button className='yz-empty__action' type='primary' fill='outline' onClick={onAction}>
          {action}
        </Button>
      ) : null}
    </View>
  );
}
