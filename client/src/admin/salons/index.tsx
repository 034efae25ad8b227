import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SALON_STATUS_LABELS } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTime } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { salonCalendar, salonCheckInCode, skipHost, type CalendarMonth, type CheckInCode, type RotationView } from '../../services/salon';
import { Button } from '../../ui/nutui';
import { confirmAction, tell } from '../confirm';
import { formatTime } from '../format';
import { PlanForm } from './PlanForm';
import '../admin.scss';
import './index.scss';

function SkipForm({ rotation, onSkipped }: { rotation: RotationView; onSkipped: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  async function skip() {
    if (!reason.trim()) return tell('请填写跳过的原因：跳过会记入操作记录');
    if (!(await confirmAction('跳过承办街道', `本轮将跳过${rotation.proposedHost}街道，由下一个街道承办。确定吗？`, '跳过'))) return;
    setBusy(true);
    const res = await skipHost(rotation.proposedHost, reason.trim());
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    setReason('');
    onSkipped();
  }
  return (
    <View className='salons-skip'>
      <Textarea className='adm-textarea salons-skip__reason' placeholder='跳过的原因（必填，记入操作记录）' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      <Button className='salons-skip__submit' size='normal' disabled={busy} onClick={() => void skip()}>
        {`跳过${rotation.proposedHost}街道`}
      </Button>
    </View>
  );
}

function CodeImage({ salonId }: { salonId: string }) {
  const [code, setCode] = useState<CheckInCode | null>(null);
  const [busy, setBusy] = useState(false);
  async function load() {
    setBusy(true);
    const res = await salonCheckInCode(salonId);
    setBusy(false);
    if (res.ok) setCode(res.data);
    else tell(res.error.message);
  }
  if (code) {
    return (
      <View className='salons-code'>
        <Image className='salons-code__image' src={code.tempFileURL} mode='aspectFit' onClick={() => void Taro.previewImage({ urls: [code.tempFileURL] })} />
        <Text className='adm-card__meta'>{`签到码仅在 ${code.validOn} 当天有效，请打印后张贴在会场`}</Text>
      </View>
    );
  }
  return (
    <Button className='salons-code__get' size='small' disabled={busy} onClick={() => void load()}>
      签到码
    </Button>
  );
}

function Month({ m }: { m: CalendarMonth }) {
  return (
    <View className={`salons-month${m.salon ? ' salons-month--planned' : ''}`} data-month={m.month}>
      <Text className='salons-month__name'>{m.month}</Text>
      {m.salon ? (
        <View className='salons-month__body'>
          <Text className='salons-month__title'>{`${m.salon.title} · ${m.salon.hostStreet}街道`}</Text>
          <Text className='adm-card__meta'>{`${chinaDateTime(m.salon.date)} · ${m.salon.theme} · ${SALON_STATUS_LABELS[m.salon.status]}`}</Text>
          {m.salon.status !== 'archived' ? <CodeImage salonId={m.salon._id} /> : null}
        </View>
      ) : (
        <Text className='salons-month__proposal'>{`建议承办：${m.proposedHost ?? ''}街道`}</Text>
      )}
    </View>
  );
}

/**
 * 沙龙轮值与安排: whose turn it is (轮值主席制), the next salon planned from that proposal, a skip only with its
 * reason, the calendar of the coming months with each salon's check-in code, and the skips on record.
 */
export default function AdminSalonsPage() {
  const { state, reload } = useCloudQuery(salonCalendar);
  const [planning, setPlanning] = useState(false);
  if (state.status === 'loading') return <PageShell className='adm-page'><LoadingView text='正在加载沙龙安排…' /></PageShell>;
  if (state.status === 'failed') return <PageShell className='adm-page'><ErrorView error={state.error} onRetry={() => void reload()} /></PageShell>;
  const { items, rotation } = state.data;
  const free = items.find((m) => !m.salon);
  return (
    <PageShell className='adm-page adm-salons'>
      <Text className='adm-intro'>各街道按轮值顺序承办。跳过某个街道必须填写原因，跳过和安排都会记入操作记录。</Text>
      <View className='adm-card salons-rotation'>
        <Text className='adm-card__name'>{`下一期（第${rotation.nextIssue}期）建议承办`}</Text>
        <Text className='salons-rotation__host'>{`${rotation.proposedHost}街道`}</Text>
        <Text className='adm-card__meta'>{`轮值顺序：${rotation.order.join(' → ')}`}</Text>
        {free && !planning ? (
          <Button className='salons-rotation__plan' type='primary' block onClick={() => setPlanning(true)}>
            {`按建议安排 ${free.month} 沙龙`}
          </Button>
        ) : null}
        {!planning ? <SkipForm rotation={rotation} onSkipped={() => void reload()} /> : null}
      </View>
      {planning && free ? (
        <PlanForm
          host={rotation.proposedHost}
          month={free.month}
          onCancel={() => setPlanning(false)}
          onCreated={() => {
            setPlanning(false);
            void reload();
          }}
        />
      ) : null}
      <Text className='adm-section-title'>未来 12 个月</Text>
      <View className='salons-calendar'>
        {items.map((m) => (
          <Month key={m.month} m={m} />
        ))}
      </View>
      <Text className='adm-section-title'>跳过记录</Text>
      {rotation.skips.length === 0 ? <Text className='adm-empty'>还没有跳过任何街道</Text> : null}
      {rotation.skips.map((s, i) => (
        <View className='adm-card salons-skipped' key={`${s.street}-${i}`}>
          <Text className='adm-card__name'>{`${s.street}街道`}</Text>
          <Text className='adm-card__meta'>{`${formatTime(s.at)} · ${s.reason}`}</Text>
        </View>
      ))}
    </PageShell>
  );
}
