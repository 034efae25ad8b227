import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { chinaDay, RECOMMENDATION_REASONS, type PairingProposal, type Street } from '@yanzhen/domain';
import { listBindings } from '../../../services/admin';
import { closeBatch, pair, proposePairing, recordMeeting } from '../../../services/talent';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useRecommendForm } from '../../../hooks/useRecommendForm';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { tell } from '../../confirm';

/** An admin enters a street's recommendation (the street decided it): the secretary, why, and her wishes. */
export function RecommendForm({ batchId, street, onDone }: { batchId: string; street: Street; onDone: () => void }) {
  const { state } = useCloudQuery(() => listBindings(street));
  const { secretaryId, setSecretaryId, reason, setReason, wishes, setWishes, busy, canSubmit, submit } = useRecommendForm({ batchId, street, onDone, onFailed: tell });
  if (state.status !== 'ready') return <Text className='adm-card__meta'>{state.status === 'failed' ? state.error.message : '正在读取本街道书记…'}</Text>;
  const people = state.data.items.map((p) => ({ key: p.secretaryId, label: `${p.name}（${p.community}）` }));
  if (people.length === 0) return <Text className='adm-card__meta'>本街道还没有书记档案，请先在“书记绑定”中确认档案已录入。</Text>;
  return (
    <View className='batch__form batch__recommend'>
      <Chips options={people} value={secretaryId} onChange={setSecretaryId} />
      <Chips options={RECOMMENDATION_REASONS.map((r) => ({ key: r, label: r }))} value={reason} onChange={setReason} />
      <Input className='adm-input batch__wishes' value={wishes} maxlength={100} placeholder='意向挂职社区（最多 3 个，用顿号分隔）' onInput={(e) => setWishes(e.detail.value)} />
      <Button className='batch__recommend-submit' type='primary' size='normal' disabled={!canSubmit} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交推荐'}
      </Button>
    </View>
  );
}

/** The pairing proposal (wishes honoured where possible, reasons where not), then the pairs fixed as proposed. */
export function PairingStep({ batchId, onDone }: { batchId: string; onDone: () => void }) {
  const [proposal, setProposal] = useState<PairingProposal | null>(null);
  const [busy, setBusy] = useState(false);
  async function propose() {
    setBusy(true);
    const res = await proposePairing(batchId);
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    setProposal(res.data);
  }
  async function accept(p: PairingProposal) {
    setBusy(true);
    const res = await pair(batchId, p.pairs.map((x) => ({ street: x.street, mentorId: x.mentor?.secretaryId ?? '' })));
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className='batch__form batch__pairing'>
      <Text className='adm-section-title'>一对一结对</Text>
      {proposal ? (
        <View>
          <Text className='adm-card__meta'>{proposal.allWishesHonoured ? '全部挂职书记都按意向结对。' : `${proposal.pairs.length} 人中 ${proposal.honoured} 人按意向结对，其余原因见下。`}</Text>
          {proposal.pairs.map((x) => (
            <View key={x.street} className='batch__street batch__proposal'>
              <Text className='batch__text'>{`${x.street} · ${x.name} → ${x.mentor ? `${x.mentor.name}（${x.mentor.community}）` : '暂无带教书记'}`}</Text>
              <Text className='batch__note'>{x.note}</Text>
            </View>
          ))}
          <Button className='batch__accept' type='primary' size='normal' disabled={busy || proposal.pairs.some((x) => !x.mentor)} onClick={() => void accept(proposal)}>
            按建议确定结对
          </Button>
        </View>
      ) : (
        <Button className='batch__propose' type='primary' size='normal' disabled={busy} onClick={() => void propose()}>
          {busy ? '正在生成…' : '生成结对建议'}
        </Button>
      )}
    </View>
  );
}

/** 动员会 (kickoff) or 总结座谈会 (summary): day, place and minutes. */
export function MeetingForm({ batchId, kind, onDone }: { batchId: string; kind: 'kickoff' | 'summary'; onDone: () => void }) {
  const [date, setDate] = useState(chinaDay(new Date()));
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const name = kind === 'kickoff' ? '动员会' : '总结座谈会';
  async function submit() {
    setBusy(true);
    const res = await recordMeeting(batchId, kind, { date: date.trim(), place: place.trim(), notes: notes.trim() });
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className={`batch__form batch__meeting batch__meeting--${kind}`}>
      <Text className='adm-section-title'>{`记录${name}`}</Text>
      <Input className='adm-input batch__meeting-date' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
      <Input className='adm-input batch__meeting-place' value={place} maxlength={40} placeholder='地点' onInput={(e) => setPlace(e.detail.value)} />
      <Textarea className='adm-textarea batch__meeting-notes' value={notes} maxlength={1000} placeholder='会议纪要' onInput={(e) => setNotes(e.detail.value)} />
      <Button className='batch__meeting-submit' type='primary' size='normal' disabled={busy || !place.trim() || !notes.trim()} onClick={() => void submit()}>
        {`保存${name}`}
      </Button>
    </View>
  );
}

/** The batch's closing summary. */
export function CloseForm({ batchId, onDone }: { batchId: string; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await closeBatch(batchId, summary.trim());
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className='batch__form batch__close'>
      <Text className='adm-section-title'>批次总结</Text>
      <Textarea className='adm-textarea batch__summary' value={summary} maxlength={2000} placeholder='本批次挂职交流的成效和经验' onInput={(e) => setSummary(e.detail.value)} />
      <Button className='batch__close-submit' type='primary' size='normal' disabled={busy || !summary.trim()} onClick={() => void submit()}>
        结束批次
      </Button>
    </View>
  );
}
