import { Input, Text, View } from '@tarojs/components';
import { DIMENSIONS, scoringRuleText, type DimensionKey, type ScoringRule } from '@yanzhen/domain';
import { Chips } from '../../components/Chips';

/**
 * The scoring rule: trimmed mean from N judges or plain mean, the tie-break order of dimensions, the quiz's
 * share. Read-only once scoring has started (the function refuses a change anyway); the sentence residents
 * see is shown under it.
 */
export function RuleEditor({ rule, fixed, onChange }: { rule: ScoringRule; fixed: boolean; onChange: (rule: ScoringRule) => void }) {
  const toggleTie = (key: DimensionKey) => {
    if (fixed) return;
    onChange({ ...rule, tieBreak: rule.tieBreak.includes(key) ? rule.tieBreak.filter((k) => k !== key) : [...rule.tieBreak, key] });
  };
  return (
    <View className='adm-card setup-rule'>
      <Text className='adm-card__name'>评分规则</Text>
      {fixed ? <Text className='adm-error setup-rule__fixed'>评分已经开始，评分规则、维度权重和满分已锁定，不能再修改。</Text> : null}
      <Chips
        className='setup-rule__method'
        options={[
          { key: 'trimmed-mean', label: '去掉最高最低分后平均' },
          { key: 'mean', label: '直接取平均分' },
        ]}
        value={rule.method}
        onChange={(method) => !fixed && onChange({ ...rule, method })}
      />
      {rule.method === 'trimmed-mean' ? (
        <View>
          <Text className='adm-card__meta'>评委不少于几人时去掉最高分和最低分</Text>
          <Input className='adm-input setup-rule__min' type='number' disabled={fixed} value={String(rule.trimMinJudges)} onInput={(e) => onChange({ ...rule, trimMinJudges: Number(e.detail.value) || 0 })} />
        </View>
      ) : null}
      <Text className='adm-card__meta'>总分相同时依次比较（点选排序，再点取消）</Text>
      <View className='adm-chips setup-rule__tie'>
        {DIMENSIONS.map((d) => {
          const at = rule.tieBreak.indexOf(d.key);
          return (
            <Text key={d.key} className={`adm-chip${at >= 0 ? ' adm-chip--on' : ''}`} data-key={d.key} onClick={() => toggleTie(d.key)}>
              {at >= 0 ? `${at + 1}. ${d.name}` : d.name}
            </Text>
          );
        })}
      </View>
      <Text className='adm-card__meta'>知识竞赛占总分（%，没有知识竞赛轮次时填 0）</Text>
      <Input className='adm-input setup-rule__quiz' type='number' disabled={fixed} value={String(rule.quizWeight ?? 0)} onInput={(e) => onChange({ ...rule, quizWeight: Number(e.detail.value) || 0 })} />
      <Text className='adm-card__meta setup-rule__text'>{`比武页面将显示：${scoringRuleText(rule)}`}</Text>
    </View>
  );
}
