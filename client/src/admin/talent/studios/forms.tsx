import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { chinaDay, STUDIO_ACTIVITY_KINDS, type StudioActivityKind } from '@yanzhen/domain';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { listBindings } from '../../../services/admin';
import { addStudioActivity, saveStudio } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { tell } from '../../confirm';

/** Records an activity (研讨, 经验分享, 挂职实训) of one studio; it appears on the public studio page. */
export function ActivityForm({ studioId, onDone }: { studioId: string; onDone: () => void }) {
  const [kind, setKind] = useState<StudioActivityKind>(STUDIO_ACTIVITY_KINDS[0]);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(chinaDay(new Date()));
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await addStudioActivity({ studioId, kind, title: title.trim(), date: date.trim(), summary: summary.trim() });
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className='batch__form studio-admin__activity'>
      <Chips options={STUDIO_ACTIVITY_KINDS.map((k) => ({ key: k, label: k }))} value={kind} onChange={setKind} />
      <Input className='adm-input studio-admin__title' value={title} maxlength={40} placeholder='活动名称' onInput={(e) => setTitle(e.detail.value)} />
      <Input className='adm-input studio-admin__date' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
      <Textarea className='adm-textarea studio-admin__summary' value={summary} maxlength={500} placeholder='活动内容（公开显示在工作室页面）' onInput={(e) => setSummary(e.detail.value)} />
      <Button className='studio-admin__activity-submit' type='primary' size='normal' disabled={busy || !title.trim() || !summary.trim()} onClick={() => void submit()}>
        保存活动
      </Button>
    </View>
  );
}

/** A new studio: its name, what it does, the excellent secretary who leads it and its members. */
export function StudioForm({ onDone }: { onDone: () => void }) {
  const { state } = useCloudQuery(() => listBindings());
  const [name, setName] = useState('');
  const [intro, setIntro] = useState('');
  const [leaderId, setLeaderId] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await saveStudio({ name: name.trim(), intro: intro.trim(), leaderId, memberIds: memberIds.filter((m) => m !== leaderId) });
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  if (state.status !== 'ready') return <Text className='adm-card__meta'>{state.status === 'failed' ? state.error.message : '正在读取书记档案…'}</Text>;
  const people = state.data.items.map((p) => ({ key: p.secretaryId, label: `${p.name}（${p.street}）` }));
  const toggle = (id: string) => setMemberIds((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]));
  return (
    <View className='batch__form studio-admin__new'>
      <Text className='adm-section-title'>设立工作室</Text>
      <Input className='adm-input' value={name} maxlength={30} placeholder='工作室名称，例如：郑晓梅书记工作室' onInput={(e) => setName(e.detail.value)} />
      <Textarea className='adm-textarea' value={intro} maxlength={500} placeholder='工作室简介（公开显示）' onInput={(e) => setIntro(e.detail.value)} />
      <Text className='reserve__label'>领办书记</Text>
      <Chips scroll options={people} value={leaderId} onChange={setLeaderId} />
      <Text className='reserve__label'>{`成员（已选 ${memberIds.filter((m) => m !== leaderId).length} 人）`}</Text>
      <View className='adm-chips'>
        {people.filter((p) => p.key !== leaderId).map((p) => (
          <Text key={p.key} className={`adm-chip${memberIds.includes(p.key) ? ' adm-chip--on' : ''}`} onClick={() => toggle(p.key)}>
            {p.label}
          </Text>
        ))}
      </View>
      <Button type='primary' size='large' disabled={busy || !name.trim() || !intro.trim() || !leaderId} onClick={() => void submit()}>
        设立工作室
      </Button>
    </View>
  );
}
