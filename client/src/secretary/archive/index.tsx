import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ENTRY_KIND_LABELS, type EntryKind } from '@yanzhen/domain';
import { ArchiveTimeline } from '../../components/ArchiveTimeline';
import { EntryForm } from '../../components/EntryForm';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { myFile, proposeEntry, type OwnProposal } from '../../services/archive';
import { Button } from '../../ui/nutui';
import '../secretary.scss';
import './index.scss';

/** What a secretary may propose for her own file; assessments and penalties are the office's to record. */
const PROPOSABLE: EntryKind[] = ['education', 'training', 'practice', 'work', 'reward'];
const STATUS: Record<OwnProposal['status'], string> = { pending: '等待组织部确认', confirmed: '已确认入档', rejected: '已退回' };

/**
 * 本人档案: the secretary's own file as a timeline, read-only. She may propose a record (a training she took,
 * work she completed); it enters the file once an admin confirms it. Her phone, ID number and address are not
 * shown here (docs/privacy.md): the office keeps them.
 */
export default function MyArchivePage() {
  const { state, reload } = useCloudQuery(myFile);
  const [proposing, setProposing] = useState(false);
  return (
    <PageShell className='sec-page my-archive'>
      {state.status === 'loading' ? <LoadingView text='正在打开本人档案…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && !state.data.file ? (
        <View className='sec-card'>
          <Text className='sec-card__title'>档案尚未建立</Text>
          <Text className='sec-card__hint'>您的档案由区委组织部建立，建立后会显示在这里。如有疑问请联系组织部。</Text>
        </View>
      ) : null}
      {state.status === 'ready' && state.data.file ? (
        <View>
          <View className='sec-card my-archive__basics'>
            <Text className='sec-card__title my-archive__name'>{state.data.file.name}</Text>
            <Text className='sec-card__hint'>{`${state.data.file.street}街道 · ${state.data.file.community} · ${state.data.file.post}`}</Text>
            <Text className='sec-card__note'>联系电话、身份证号等个人信息由组织部保管，不在手机上显示；如需更正请联系组织部。</Text>
          </View>
          {state.data.proposals.length > 0 ? (
            <View className='sec-card my-archive__proposals'>
              <Text className='sec-card__title'>我提交的记录</Text>
              {state.data.proposals.map((p) => (
                <Text key={p._id} className={`sec-card__hint my-archive__proposal my-archive__proposal--${p.status}`}>
                  {`${p.entry.date} ${ENTRY_KIND_LABELS[p.entry.kind]}：${p.entry.title}（${STATUS[p.status]}${p.reason ? `：${p.reason}` : ''}）`}
                </Text>
              ))}
            </View>
          ) : null}
          <View className='my-archive__head'>
            <Text className='sec-card__title'>档案记录</Text>
            <Button className='my-archive__propose' size='normal' onClick={() => setProposing((p) => !p)}>{proposing ? '收起' : '补充记录'}</Button>
          </View>
          {proposing ? (
            <View className='sec-card'>
              <Text className='sec-card__hint'>提交后由区委组织部核实确认，确认后记入档案。</Text>
              <EntryForm
                kinds={PROPOSABLE}
                submitText='提交组织部确认'
                onSubmit={async (entry) => {
                  const res = await proposeEntry(entry);
                  if (!res.ok) return res.error.message;
                  await reload();
                  return null;
                }}
              />
            </View>
          ) : null}
          <ArchiveTimeline entries={state.data.file.entries} empty='档案中还没有记录。可以点“补充记录”提交参加过的培训或完成的工作。' />
        </View>
      ) : null}
    </PageShell>
  );
}
