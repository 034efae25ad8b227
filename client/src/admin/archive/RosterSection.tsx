import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Street } from '@yanzhen/domain';
import { ExportButton } from '../../components/ExportButton';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { exportRoster, roster } from '../../services/archive';
import { Button } from '../../ui/nutui';
import { RosterChangeForm } from './RosterChangeForm';

/**
 * 一街一册: the street's communities with their "两委" members, the latest changes, and the export to Excel
 * (built by the function, stored in cloud storage, opened from its temporary link). Test hooks:
 * `.roster-export__start`, `.roster-export__link` (data-url).
 */
export function RosterSection({ street }: { street: Street }) {
  const { state, reload } = useCloudQuery(() => roster(street));
  const [changing, setChanging] = useState(false);

  if (state.status === 'loading') return <LoadingView text='正在读取名册…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const { communities, history } = state.data;
  return (
    <View className='roster'>
      <ExportButton
        block='roster-export'
        label={`导出${street}街道名册（Excel）`}
        run={() => exportRoster(street)}
        buildingText='正在生成名册并上传…'
        readyText={() => `${street}街道名册已生成`}
        linkText={(file) => `打开 ${file.fileName}（链接 2 小时内有效）`}
        primary
      />
      <Button className='roster__record-change' size='large' block onClick={() => setChanging((c) => !c)}>{changing ? '收起' : '记录任职变动'}</Button>
      {changing ? (
        <RosterChangeForm
          street={street}
          communities={communities.map((c) => c.name)}
          onDone={() => {
            setChanging(false);
            void reload();
          }}
        />
      ) : null}
      {communities.length === 0 ? <Text className='adm-empty'>这个街道的名册还是空的。可以用“批量导入”上传名册表格，或由组织部逐条录入。</Text> : null}
      {communities.map((c) => (
        <View key={c.name} className='adm-card roster__community'>
          <Text className='adm-card__name'>{c.name}</Text>
          {c.members.length === 0 ? <Text className='adm-card__meta'>暂无在任成员</Text> : null}
          {c.members.map((m) => (
            <Text key={m.id} className='adm-card__meta roster__member'>{`${m.post} · ${m.name}（${m.since} 起）`}</Text>
          ))}
        </View>
      ))}
      {history.length > 0 ? <Text className='adm-section-title'>最近变动</Text> : null}
      {history.slice(0, 6).map((h) => (
        <Text key={h.id} className='adm-card__meta roster__change'>{`${h.date} ${h.community} ${h.name} ${h.change === 'join' ? '任' : '离任'}${h.post}：${h.reason}`}</Text>
      ))}
    </View>
  );
}
