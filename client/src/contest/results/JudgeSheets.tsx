import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { dimensionName, type DimensionKey } from '@yanzhen/domain';
import type { ResultSheets } from '../../services/contest-results';

/**
 * The judges' score sheets, shown only when the admin published them: one judge at a time (评委1…, never who
 * she is), every contestant she scored per round, 回避 where she was recused. Test hooks: `.sheets__judge`,
 * `.sheets__row` (data-candidate).
 */
export function JudgeSheets({ sheets, dimensions }: { sheets: ResultSheets['sheets']; dimensions: DimensionKey[] }) {
  const [judge, setJudge] = useState(0);
  const sheet = sheets[judge];
  if (!sheet) return null;
  return (
    <View className='results__section sheets'>
      <Text className='results__heading'>评委评分表</Text>
      <View className='sheets__judges'>
        {sheets.map((s, i) => (
          <Text key={s.label} className={`sheets__judge${i === judge ? ' sheets__judge--active' : ''}`} onClick={() => setJudge(i)}>
            {s.label}
          </Text>
        ))}
      </View>
      {sheet.rows.map((row) => (
        <View className='sheets__row' key={`${row.roundKey}-${row.candidateId}`} data-candidate={row.candidateId}>
          <Text className='sheets__who'>{`${row.form} · ${row.name}`}</Text>
          <Text className='sheets__scores'>
            {row.recused ? '回避，不打分' : dimensions.map((k) => `${dimensionName(k)} ${row.dimensions[k] ?? '—'}`).join('　')}
          </Text>
        </View>
      ))}
    </View>
  );
}
