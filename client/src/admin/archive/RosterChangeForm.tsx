import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { inChina, ROSTER_POSTS, rosterChangeSchema, type RosterPost, type Street } from '@yanzhen/domain';
import { changeRoster } from '../../services/archive';
import { Button } from '../../ui/nutui';
import { Chips } from '../components/Chips';

const POSTS = ROSTER_POSTS.map((p) => ({ key: p, label: p }));
const CHANGES = [{ key: 'join', label: '任职' }, { key: 'leave', label: '离任' }] as const;

/**
 * Records one change of a community's "两委": who joined or left which post, when and why (the roster keeps every
 * change). Test hooks: `.roster-change__name`, `__community`, `__reason`, `__submit`.
 */
export function RosterChangeForm({ street, communities, onDone }: { street: Street; communities: string[]; onDone: () => void }) {
  const [community, setCommunity] = useState(communities[0] ?? '');
  const [name, setName] = useState('');
  const [post, setPost] = useState<RosterPost>('居委会委员');
  const [change, setChange] = useState<'join' | 'leave'>('join');
  const [date, setDate] = useState(inChina(new Date()).format('YYYY-MM-DD'));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit() {
    const parsed = rosterChangeSchema.safeParse({ street, community, name, post, change, date, reason });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setBusy(true);
    const res = await changeRoster(parsed.data);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError('');
    setName('');
    setReason('');
    onDone();
  }

  return (
    <View className='adm-card roster-change'>
      <Text className='adm-card__name'>记录任职变动</Text>
      <Chips options={CHANGES} value={change} onChange={setChange} />
      <Text className='adm-card__meta'>社区</Text>
      <Input className='adm-input roster-change__community' value={community} maxlength={30} onInput={(e) => setCommunity(e.detail.value)} />
      <Text className='adm-card__meta'>姓名</Text>
      <Input className='adm-input roster-change__name' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      <Text className='adm-card__meta'>职务</Text>
      <Chips options={POSTS} value={post} onChange={setPost} />
      <Text className='adm-card__meta'>日期（年-月-日）</Text>
      <Input className='adm-input roster-change__date' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
      <Text className='adm-card__meta'>原因</Text>
      <Input className='adm-input roster-change__reason' value={reason} maxlength={100} placeholder='如：换届选举、工作调动、补选' onInput={(e) => setReason(e.detail.value)} />
      {error ? <Text className='adm-error'>{error}</Text> : null}
      <Button className='roster-change__submit' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在保存…' : '保存变动'}
      </Button>
    </View>
  );
}
