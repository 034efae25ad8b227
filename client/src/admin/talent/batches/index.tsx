import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { BATCH_STATUS_LABELS, STREETS, type Street } from '@yanzhen/domain';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { batches, openBatch } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { tell } from '../../confirm';
import { formatTime } from '../../format';
import '../../admin.scss';
import '../talent.scss';

const openDetail = (id: string) => void Taro.navigateTo({ url: `/admin/talent/batch/index?id=${id}` });

/** Opening a batch: a title and the streets taking part (each will recommend one secretary). */
function OpenForm({ onOpened }: { onOpened: (id: string) => void }) {
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<Street[]>([]);
  const [busy, setBusy] = useState(false);
  const toggle = (s: Street) => setChosen((c) => (c.includes(s) ? c.filter((x) => x !== s) : [...c, s]));
  async function submit() {
    setBusy(true);
    const res = await openBatch(title.trim(), chosen);
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onOpened(res.data._id);
  }
  return (
    <View className='batch__form batches__open'>
      <Text className='adm-section-title'>开启新批次</Text>
      <Input className='adm-input batches__title' value={title} maxlength={40} placeholder='批次名称，例如：2027年第一批区内挂职交流' onInput={(e) => setTitle(e.detail.value)} />
      <Text className='adm-card__meta'>{`参加的街道（已选 ${chosen.length} 个，每个街道推荐 1 名书记）`}</Text>
      <View className='adm-chips'>
        {STREETS.map((s) => (
          <Text key={s} className={`adm-chip${chosen.includes(s) ? ' adm-chip--on' : ''}`} data-key={s} onClick={() => toggle(s)}>
            {s}
          </Text>
        ))}
      </View>
      <Button className='batches__submit' type='primary' size='large' disabled={busy || !title.trim() || chosen.length === 0} onClick={() => void submit()}>
        {busy ? '正在开启…' : '开启批次'}
      </Button>
    </View>
  );
}

/** 挂职交流: every batch (open ones first by date), and opening a new one. */
export default function BatchesPage() {
  const { state, reload } = useCloudQuery(batches);
  const [opening, setOpening] = useState(false);
  return (
    <PageShell className='adm-page batches'>
      <Text className='adm-intro'>区内挂职交流：各街道从新建或工作相对薄弱的社区推荐 1 名书记，先征集意向挂职社区，再一对一结对带教，召开动员会和总结座谈会。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取挂职批次…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          {state.data.items.length === 0 ? <Text className='adm-empty'>还没有挂职批次。点下方“开启新批次”，选择参加的街道。</Text> : null}
          {state.data.items.map((b) => (
            <View key={b._id} className='adm-card batches__item' data-batch={b._id} onClick={() => openDetail(b._id)}>
              <View className='adm-card__head'>
                <Text className='adm-card__name'>{b.title}</Text>
                <Text className={`adm-badge${b.status === 'closed' ? ' adm-badge--ok' : ' adm-badge--wait'}`}>{BATCH_STATUS_LABELS[b.status]}</Text>
              </View>
              <Text className='adm-card__meta'>{`${b.streets.length} 个街道 · 开启于 ${formatTime(b.openedAt)}`}</Text>
              <Text className='adm-card__meta'>{b.streets.join('、')}</Text>
            </View>
          ))}
          {opening ? (
            <OpenForm onOpened={(id) => (setOpening(false), void reload(), openDetail(id))} />
          ) : (
            <Button className='batches__new' type='primary' size='large' onClick={() => setOpening(true)}>
              开启新批次
            </Button>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
