import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STREETS, type Street } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { listFiles, pendingProposals } from '../../services/archive';
import { Cell, CellGroup } from '../../ui/nutui';
import { Chips } from '../components/Chips';
import { RosterSection } from './RosterSection';
import '../admin.scss';
import './index.scss';

const STREET_OPTIONS = STREETS.map((s) => ({ key: s, label: s }));
type Tab = 'files' | 'roster';
const TABS: { key: Tab; label: string }[] = [{ key: 'files', label: '人员档案' }, { key: 'roster', label: '两委名册' }];
const go = (url: string) => () => void Taro.navigateTo({ url });

/** The street's person files; private fields arrive masked (the file page shows them in full). */
function FileList({ street }: { street: Street }) {
  const { state, reload } = useCloudQuery(() => listFiles(street));
  if (state.status === 'loading') return <LoadingView text='正在读取档案…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  if (state.data.items.length === 0) return <Text className='adm-empty'>这个街道还没有人员档案。可以点上方“批量导入”，下载模板填好后上传。</Text>;
  return (
    <View className='archive__files'>
      {state.data.items.map((f) => (
        <View key={f._id} className='adm-card archive__file' data-file={f._id} onClick={go(`/admin/archive/file/index?fileId=${encodeURIComponent(f._id)}`)}>
          <View className='adm-card__head'>
            <Text className='adm-card__name'>{f.name}</Text>
            <Text className='adm-badge'>{f.secretaryId ? '社区书记' : f.post}</Text>
          </View>
          <Text className='adm-card__meta'>{`${f.community} · ${f.post}`}</Text>
          <Text className='adm-card__meta'>{`手机 ${f.phone || '未登记'} · 查看档案 ›`}</Text>
        </View>
      ))}
    </View>
  );
}

/** 档案与名册 (一人一档、一街一册): per street, its people's files and its roster; import and pending proposals. */
export default function ArchiveIndexPage() {
  const [street, setStreet] = useState<Street>(STREETS[0]);
  const [tab, setTab] = useState<Tab>('files');
  const pending = useCloudQuery(pendingProposals);
  const count = pending.state.status === 'ready' ? pending.state.data.items.length : 0;
  return (
    <PageShell className='adm-page archive'>
      <Text className='adm-intro'>手机号、身份证号和家庭住址在列表中隐去中间部分，只在单人档案中完整显示；导出的名册不含这些信息。</Text>
      <CellGroup>
        <Cell className='archive__import' title='批量导入' description='下载模板，上传 Excel，先预览再导入；有一行出错则整表不导入' extra='›' clickable onClick={go('/admin/archive/import/index')} />
        {count > 0 ? (
          <Cell
            className='archive__pending'
            title='待确认记录'
            description={`${count} 条书记本人提交的记录，点开对应档案确认`}
            extra='›'
            clickable
            onClick={go(`/admin/archive/file/index?fileId=${encodeURIComponent(pending.state.status === 'ready' ? pending.state.data.items[0].fileId : '')}`)}
          />
        ) : null}
      </CellGroup>
      <Chips scroll options={STREET_OPTIONS} value={street} onChange={setStreet} className='archive__streets' />
      <Chips options={TABS} value={tab} onChange={setTab} className='archive__tabs' />
      {tab === 'files' ? <FileList key={street} street={street} /> : <RosterSection key={street} street={street} />}
    </PageShell>
  );
}
