import { Text, View } from '@tarojs/components';
import { dimensionName, scoringRuleText } from '@yanzhen/domain';
import { chinaDate, voteRuleText } from '../../components/format';
import type { PublicContest } from '../../services/contest';

/**
 * 评选规则 tab: the judged dimensions with their weights and maximum scores, the scoring rule, the forms,
 * the prizes, and the public vote apart from them. The rule is the structured one (issue 10) in words, with the
 * scoring window and the rounds, so that it is public before scoring starts. Test hooks: `.board__rules`, `.board__dimension`.
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
      <Text className='board__rules-text board__scoring-rule'>{contest.rule ? scoringRuleText(contest.rule) : contest.scoringRule}</Text>
      {contest.scoring ? (
        <Text className='board__rules-text board__scoring-window'>
          {`评分时间：${chinaDate(contest.scoring.start)} 至 ${chinaDate(contest.scoring.end)}。评分规则在评分开始前公布，评分开始后不再修改。`}
        </Text>
      ) : null}
      {contest.rounds?.length ? (
        contest.rounds.map((r, i) => (
          <Text className='board__rules-text board__round' key={r.key}>
            {`第 ${i + 1} 轮 · ${r.form}（${r.kind === 'quiz' ? '在线答题，自动计分' : '评委逐项打分'}）${r.locked ? ' · 评分已结束' : ''}`}
          </Text>
        ))
      ) : (
        <Text className='board__rules-text'>比武形式：{contest.forms.join('、')}</Text>
      )}
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
