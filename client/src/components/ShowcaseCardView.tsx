import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ShowcaseCard } from '../services/showcase';
import { Avatar } from './Avatar';
import { streetText, tagNames } from './format';
import './ShowcaseCardView.scss';

export const showcaseUrl = (secretaryId: string): string => `/pages/showcase/index?sid=${encodeURIComponent(secretaryId)}`;

export function openShowcase(secretaryId: string): void {
  void Taro.navigateTo({ url: showcaseUrl(secretaryId) });
}

/**
 * One secretary in a list (feed, home): photo or initial, name, community and street, the dimension tags and a
 * short excerpt. The whole card opens the showcase. Test hooks: `.yz-card` with `data-secretary` (secretary id);
 * placeholders are `.yz-card-skeleton`.
 */
export function ShowcaseCardView({ card }: { card: ShowcaseCard }) {
  return (
    <View className='yz-card' data-secretary={card.secretaryId} onClick={() => openShowcase(card.secretaryId)}>
      <Avatar name={card.name} photoUrl={card.photoUrl} />
      <View className='yz-card__body'>
        <View className='yz-card__head'>
          <Text className='yz-card__name'>{card.name}</Text>
          {card.featured ? <Text className='yz-card__badge'>推荐</Text> : null}
        </View>
        <Text className='yz-card__place'>
          {card.community} · {streetText(card.street)}
        </Text>
        {card.tags.length ? (
          <View className='yz-card__tags'>
            {tagNames(card.tags).map((name) => (
              <Text className='yz-card__tag' key={name}>
                {name}
              </Text>
            ))}
          </View>
        ) : null}
        {card.excerpt ? <Text className='yz-card__excerpt'>{card.excerpt}</Text> : null}
      </View>
    </View>
  );
}

/** Grey placeholders in the shape of cards while the first page is on its way. */
export function CardSkeletons({ count = 3 }: { count?: number }) {
  return (
    <View className='yz-skeletons' aria-busy>
      {Array.from({ length: count }, (_, i) => (
        <View className='yz-card-skeleton' key={i}>
          <View className='yz-skeleton yz-skeleton--avatar' />
          <View className='yz-card__body'>
            <View className='yz-skeleton yz-skeleton--line yz-skeleton--short' />
            <View className='yz-skeleton yz-skeleton--line' />
            <View className='yz-skeleton yz-skeleton--line yz-skeleton--mid' />
          </View>
        </View>
      ))}
    </View>
  );
}
