import { Text, View } from '@tarojs/components';
import { dimensionName } from '@yanzhen/domain';
import { voteRuleText } from '../../components/format';
import type { PublicContest } from '../../services/contest';

/**
 * 评选规则 tab: the judged dimensions with their weights and maximum scores, the scoring rule, the forms,
 * the prizes, and the public vote apart from them. Test hooks: `.board__rules`, `.board__dimension`.
 */
export function ContestRules({ contest }: { contest: PublicContest }) {
  return (
    <View className='board__rules'>
      <Text className='board__rules-heading'>评审维度与权重</Text>
      {contest.dimensions.map((d) => (
        <View className='board__dimension' key={d.key}>
          <Text className='board__dimension-name'>{dimensionName(d.key)}</Text>
          <Text className='board__dimension-weight'>{`权重 ${d.weight}% · 满分 ${d.maxScore} 分`}</Text>
        </View>
      ))}
      <Text className='board__rules-heading'>评委评审</Text>
      <Text className='board__rules-text'>{contest.scoringRule}</Text>
      <Text className='board__rules-text'>比武形式：{contest.forms.join('、')}</Text>
      <Text className='board__rules-heading'>奖项设置</Text>
      {contest.awards.map((a) => (
        <Text className='board__rules-text' key={a.tier}>
          {a.tier} {a.count} 名
        </Text>
      ))}
      <Text className='board__rules-heading'>网络投票</Text>
      <Text className='board__rules-text'>{voteRuleText(contest.voteRule)}。网络投票仅反映人气，不作为评选依据。</Text>
    </View>
  );
}
