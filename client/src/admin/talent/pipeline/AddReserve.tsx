import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { chinaDay, RESERVE_SOURCES, RESERVE_STAGES, type ReserveSource, type ReserveStage, type Street } from '@yanzhen/domain';
import { addReserve } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { tell } from '../../confirm';

const SOURCE_OPTIONS = RESERVE_SOURCES.map((s) => ({ key: s, label: s }));
const STAGE_OPTIONS = RESERVE_STAGES.map((s) => ({ key: s, label: s }));

/** 纳入后备力量: a new reserve of this street, with where she was found and her starting stage. */
export function AddReserve({ street, onAdded }: { street: Street; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [community, setCommunity] = useState('');
  const [source, setSource] = useState<ReserveSource>(RESERVE_SOURCES[0]);
  const [stage, setStage] = useState<ReserveStage>(RESERVE_STAGES[0]);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await addReserve({ name: name.trim(), street, community: community.trim(), source, stage, date: chinaDay(new Date()) });
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    setOpen(false);
    setName('');
    setCommunity('');
    onAdded();
  }
  if (!open) {
    return (
      <Button className='reserve-add__open' size='large' onClick={() => setOpen(true)}>
        {`纳入${street}街道后备人选`}
      </Button>
    );
  }
  return (
    <View className='adm-card reserve-add'>
      <Text className='adm-card__name'>{`纳入${street}街道后备人选`}</Text>
      <Input className='adm-input reserve-add__name' value={name} maxlength={20} placeholder='姓名' onInput={(e) => setName(e.detail.value)} />
      <Input className='adm-input reserve-add__community' value={community} maxlength={30} placeholder='所在社区，例如：舜华苑社区' onInput={(e) => setCommunity(e.detail.value)} />
      <Text className='reserve__label'>来源</Text>
      <Chips options={SOURCE_OPTIONS} value={source} onChange={setSource} />
      <Text className='reserve__label'>起始阶段</Text>
      <Chips options={STAGE_OPTIONS} value={stage} onChange={setStage} />
      <View className='adm-card__actions'>
        <Button className='reserve-add__submit' type='primary' size='normal' disabled={busy || !name.trim() || !community.trim()} onClick={() => void submit()}>
          {busy ? '正在保存…' : '纳入后备力量'}
        </Button>
        <Button size='normal' disabled={busy} onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
