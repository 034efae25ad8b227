import { Image, Text, View } from '@tarojs/components';
import './Avatar.scss';

/** A secretary's photo, or the first character of the name on Party red when there is no photo yet. */
export function Avatar({ name, photoUrl, size = 'm' }: { name: string; photoUrl?: string | null; size?: 's' | 'm' | 'l' }) {
  return (
    <View className={`yz-avatar yz-avatar--${size}`}>
      {photoUrl ? (
        <Image className='yz-avatar__photo' src={photoUrl} mode='aspectFill' lazyLoad />
      ) : (
        <Text className='yz-avatar__initial'>{name.slice(0, 1)}</Text>
      )}
    </View>
  );
}
