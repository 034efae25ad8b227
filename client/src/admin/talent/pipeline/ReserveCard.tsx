import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { chinaDay, RESERVE_STAGES, type ReserveStage } from '@yanzhen/domain';
import { moveStage, type ReserveRow } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { tell } from '../../confirm';

interface Props {
  row: ReserveRow;
  onMoved: () => void;
}

/** One reserve: where she is, how she got there (the history), and the stage move with its reason and day. */
export function ReserveCard({ row, onMoved }: Props) {
  const targets = RESERVE_STAGES.filter((s) => s !== row.stage).map((s) => ({ key: s, label: s }));
  const [moving, setMoving] = useState(false);
  const [to, setTo] = useState<ReserveStage>(targets[0].key);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(chinaDay(new Date()));
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const res = await moveStage(row._id, to, reason.trim(), date.trim());
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    setMoving(false);
    onMoved();
  }

  return (
    <View className='adm-card reserve' data-reserve={row._id} data-name={row.name}>
      <View className='adm-card__head'>
        <Text className='adm-card__name'>{row.name}</Text>
        <Text className='adm-badge adm-badge--wait'>{row.stage}</Text>
      </View>
      <Text className='adm-card__meta'>{`${row.community} · ${row.source} · ${row.stageSince} 起为${row.stage}`}</Text>
      <View className='reserve__history'>
        {row.history.map((h, i) => (
          <Text key={i} className='reserve__step'>
            {`${h.date}  ${h.from ? `${h.from} → ` : ''}${h.to}：${h.reason}`}
          </Text>
        ))}
      </View>
      {moving ? (
        <View className='reserve__form'>
          <Text className='reserve__label'>调整到</Text>
          <Chips options={targets} value={to} onChange={setTo} className='reserve__targets' />
          <Textarea className='adm-textarea reserve__reason' value={reason} maxlength={200} placeholder='调整原因，例如：年度考核优秀' onInput={(e) => setReason(e.detail.value)} />
          <Text className='reserve__label'>生效日期</Text>
          <Input className='adm-input reserve__date' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
          <View className='adm-card__actions'>
            <Button className='reserve__confirm' type='primary' size='normal' disabled={busy || !reason.trim()} onClick={() => void submit()}>
              {busy ? '正在保存…' : `确认调整为${to}`}
            </Button>
            <Button className='reserve__cancel' size='normal' disabled={busy} onClick={() => setMoving(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='adm-card__actions'>
          <Button className='reserve__move' size='normal' onClick={() => setMoving(true)}>
            调整阶段
          </Button>
        </View>
      )}
    </View>
  );
}
