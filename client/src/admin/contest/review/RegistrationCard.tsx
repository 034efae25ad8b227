import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import type { Registration, RegistrationPhoto } from '../../../services/contest-registration';
import { Button } from '../../../ui/nutui';
import { formatTime } from '../../format';

const CHECK_LABELS: Record<NonNullable<RegistrationPhoto['check']>, string> = { pending: '安全检测中', pass: '检测通过', risky: '未通过检测' };

interface Props {
  item: Registration;
  selected: boolean;
  busy: boolean;
  onSelect: () => void;
  onApprove: () => void;
  onReject: (reason: string) => void;
}

/** One registration: who, the materials in full, photos with their check, and the decision for a pending one. */
export function RegistrationCard({ item, selected, busy, onSelect, onApprove, onReject }: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const pending = item.status === 'pending';
  return (
    <View className={`adm-card creg creg--${item.status}`} data-candidate={item._id}>
      <View className='adm-card__head'>
        {pending ? (
          <Text className={`creg__select${selected ? ' creg__select--on' : ''}`} onClick={onSelect}>
            {selected ? '☑' : '☐'}
          </Text>
        ) : null}
        <Text className='adm-card__name'>{item.name}</Text>
        <Text className={`adm-badge creg__status creg__status--${item.status}${item.status === 'approved' ? ' adm-badge--ok' : pending ? ' adm-badge--wait' : ''}`}>{item.statusLabel}</Text>
      </View>
      <Text className='adm-card__meta'>{`${item.street}街道 · ${item.community} · 提交于 ${formatTime(item.submittedAt)}`}</Text>
      <Text className='creg__label'>{`参赛项目：${item.materials.projectTitle}`}</Text>
      <Text className='creg__text'>{item.materials.projectDescription}</Text>
      <Text className='creg__label'>述职摘要</Text>
      <Text className='creg__text'>{item.materials.summary}</Text>
      {item.photos.length ? (
        <View className='creg__photos'>
          {item.photos.map((p) => (
            <View key={p.fileID} className='creg__photo'>
              {p.url ? <Image className='creg__thumb' src={p.url} mode='aspectFill' /> : <View className='creg__thumb' />}
              <Text className={`adm-badge creg__check creg__check--${p.check ?? 'pending'}`}>{CHECK_LABELS[p.check ?? 'pending']}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {item.rejectReason ? <Text className='creg__reason'>{`未通过原因：${item.rejectReason}`}</Text> : null}
      {pending && rejecting ? (
        <View className='creg__reject'>
          <Textarea className='adm-textarea creg__reason-input' value={reason} maxlength={200} placeholder='请写明未通过的原因，书记会看到这段话' onInput={(e) => setReason(e.detail.value)} />
          <View className='adm-card__actions'>
            <Button className='creg__confirm-reject' type='primary' size='normal' disabled={busy || !reason.trim()} onClick={() => onReject(reason)}>
              确认不通过
            </Button>
            <Button className='creg__cancel' size='normal' disabled={busy} onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {pending && !rejecting ? (
        <View className='adm-card__actions'>
          <Button className='creg__approve' type='primary' size='normal' disabled={busy} onClick={onApprove}>
            {busy ? '正在处理…' : '通过'}
          </Button>
          <Button className='creg__start-reject' size='normal' disabled={busy} onClick={() => setRejecting(true)}>
            不通过
          </Button>
        </View>
      ) : null}
    </View>
  );
}
