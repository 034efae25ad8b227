import { Text, View } from '@tarojs/components';
import { chinaTime } from '../../components/format';
import type { Ranking } from '../../services/vote';

/**
 * The popularity ranking, kept apart from the judged awards and saying so. Test hooks: `.ranking__item` with
 * `data-candidate`, `.ranking__votes`.
 */
export function RankingList({ ranking }: { ranking: Ranking }) {
  const top = Math.max(1, ...ranking.items.map((i) => i.votes));
  return (
    <View className='ranking'>
      <View className='ranking__note'>
        <Text className='ranking__note-title'>人气榜说明</Text>
        <Text className='ranking__note-text'>按网络投票数排列。网络投票仅反映人气，不作为评选依据；大比武奖项由评委按评审规则评出。</Text>
      </View>
      {ranking.items.map((item, i) => (
        <View className='ranking__item' key={item.candidateId} data-candidate={item.candidateId}>
          <Text className={`ranking__rank${i < 3 && item.votes > 0 ? ' ranking__rank--top' : ''}`}>{i + 1}</Text>
          <View className='ranking__who'>
            <Text className='ranking__name'>{item.name}</Text>
            <View className='ranking__bar'>
              <View className='ranking__fill' style={{ width: `${Math.round((item.votes / top) * 100)}%` }} />
            </View>
          </View>
          <Text className='ranking__votes'>{item.votes} 票</Text>
        </View>
      ))}
      <Text className='ranking__updated'>{ranking.items.some((i) => i.votes > 0) ? `票数更新于 ${chinaTime(ranking.updatedAt ?? new Date())}（北京时间），下拉刷新` : '还没有人投票'}</Text>
    </View>
  );
}
