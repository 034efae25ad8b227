import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { BATCH_STATUS_LABELS } from '@yanzhen/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { commentReport, fileReport, myPairings, type MyPairing, type ReportRow } from '../../services/talent';
import { Button } from '../../ui/nutui';
import { StreetRecommend } from './StreetRecommend';
import '../talent.scss';

const tell = (content: string) => void Taro.showModal({ title: '提示', content, showCancel: false, confirmText: '知道了', confirmColor: '#C8161D' });
const day = (iso: string) => iso.slice(0, 10);

/** The seconded secretary's periodic report. */
function ReportForm({ batchId, onDone }: { batchId: string; onDone: () => void }) {
  const [period, setPeriod] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await fileReport(batchId, period.trim(), text.trim());
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    setPeriod('');
    setText('');
    onDone();
  }
  return (
    <View className='talent__form pairing__report-form'>
      <Input className='talent__input pairing__period' value={period} maxlength={20} placeholder='报告期，例如：第一个月' onInput={(e) => setPeriod(e.detail.value)} />
      <Textarea className='talent__textarea pairing__report-text' value={text} maxlength={2000} placeholder='这一阶段学到了什么、做了什么、下一步打算' onInput={(e) => setText(e.detail.value)} />
      <Button className='pairing__report-submit' type='primary' size='large' disabled={busy || !period.trim() || !text.trim()} onClick={() => void submit()}>
        提交挂职报告
      </Button>
    </View>
  );
}

/** The mentor's comment on one report. */
function CommentForm({ report, onDone }: { report: ReportRow; onDone: () => void }) {
  const [text, setText] = useState(report.comment?.text ?? '');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await commentReport(report._id, text.trim());
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className='talent__form pairing__comment-form'>
      <Textarea className='talent__textarea pairing__comment-text' value={text} maxlength={1000} placeholder='写下您的点评和建议' onInput={(e) => setText(e.detail.value)} />
      <Button className='pairing__comment-submit' type='primary' size='normal' disabled={busy || !text.trim()} onClick={() => void submit()}>
        {report.comment ? '修改点评' : '提交点评'}
      </Button>
    </View>
  );
}

function PairingCard({ p, reload }: { p: MyPairing; reload: () => void }) {
  const seconded = p.role === 'seconded';
  const other = seconded ? p.mentor : p.seconded;
  return (
    <View className='talent__card pairing' data-role={p.role} data-batch={p.batch._id}>
      <Text className='talent__name'>{p.batch.title}</Text>
      <Text className='talent__kind'>{`${BATCH_STATUS_LABELS[p.batch.status]} · ${seconded ? '我是挂职书记' : '我是带教书记'}`}</Text>
      <Text className='talent__text pairing__partner'>
        {other ? `${seconded ? '带教书记' : '挂职书记'}：${other.name}（${other.street}街道${other.community}）` : '正在结对，结对后会在这里显示带教书记。'}
      </Text>
      {seconded ? <Text className='talent__meta'>{`我的意向：${p.wishes.join('、')}${p.wishRank === null ? '' : `（按第${p.wishRank + 1}意向结对）`}`}</Text> : null}
      {p.batch.kickoff ? <Text className='talent__meta'>{`动员会：${p.batch.kickoff.date} ${p.batch.kickoff.place}`}</Text> : null}
      {p.batch.summaryMeeting ? <Text className='talent__meta'>{`总结座谈会：${p.batch.summaryMeeting.date} ${p.batch.summaryMeeting.place}`}</Text> : null}
      {p.batch.summary ? <Text className='talent__meta'>{`批次总结：${p.batch.summary}`}</Text> : null}
      <Text className='talent__section'>{`挂职报告（${p.reports.length}）`}</Text>
      {p.reports.length === 0 ? <Text className='talent__meta'>{seconded ? '动员会后可在下方提交第一份报告。' : '挂职书记提交报告后，您可以在这里点评。'}</Text> : null}
      {p.reports.map((r) => (
        <View key={r._id} className='pairing__report'>
          <Text className='talent__name'>{`${r.period} · ${day(r.filedAt)}`}</Text>
          <Text className='talent__text'>{r.text}</Text>
          {r.comment ? <Text className='talent__comment pairing__comment'>{`带教点评：${r.comment.text}`}</Text> : null}
          {!seconded && p.batch.status !== 'closed' ? <CommentForm report={r} onDone={reload} /> : null}
        </View>
      ))}
      {seconded && p.batch.status === 'running' ? <ReportForm batchId={p.batch._id} onDone={reload} /> : null}
    </View>
  );
}

/** 我的 → 挂职结对: the secretary's secondment pairings (as seconded or as mentor), reports and comments. */
export default function PairingPage() {
  const { state, reload } = useCloudQuery(myPairings);
  return (
    <PageShell className='talent pairings'>
      {state.status === 'loading' ? <LoadingView text='正在读取挂职结对…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <EmptyState title='还没有挂职结对' text='街道推荐您参加区内挂职交流、或请您担任带教书记后，结对信息会显示在这里。可先看看各位书记的工作室。' action='看看书记工作室' onAction={() => void Taro.navigateTo({ url: '/talent/studios/index' })} />
      ) : null}
      {state.status === 'ready' ? state.data.items.map((p) => <PairingCard key={p.recommendationId} p={p} reload={() => void reload()} />) : null}
      <StreetRecommend />
    </PageShell>
  );
}
