import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BATCH_STATUS_LABELS, type BatchMeeting } from '@yanzhen/domain';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { batch, type BatchView, type Recommendation } from '../../../services/talent';
import { CloseForm, MeetingForm, PairingStep, RecommendForm } from './steps';
import '../../admin.scss';
import '../talent.scss';

function RecommendationView({ r }: { r: Recommendation }) {
  return (
    <View className='batch__rec'>
      <Text className='batch__text'>{`${r.name}（${r.community}，${r.reason}）`}</Text>
      <Text className='adm-card__meta'>{`意向：${r.wishes.join('、')}`}</Text>
      {r.mentor ? (
        <Text className='adm-card__meta batch__mentor'>{`带教：${r.mentor.name}（${r.mentor.community}）${r.wishRank === null ? ' · 意向外安排' : ` · 第${r.wishRank + 1}意向`}`}</Text>
      ) : null}
      {r.reports.length ? <Text className='adm-card__meta'>{`已交报告 ${r.reports.length} 份，带教点评 ${r.reports.filter((p) => p.comment).length} 条`}</Text> : null}
    </View>
  );
}

const meetingLine = (name: string, m: BatchMeeting) => `${name}：${m.date} · ${m.place}。${m.notes}`;

/** The step that comes next for this batch, in order: recommend → pair → kickoff → summary meeting → close. */
function NextStep({ b, reload }: { b: BatchView; reload: () => void }) {
  if (b.status === 'recommending' && b.missing.length === 0) return <PairingStep batchId={b._id} onDone={reload} />;
  if (b.status === 'recommending') return <Text className='adm-card__meta'>{`还有 ${b.missing.length} 个街道未推荐，收齐推荐和意向后才能结对。`}</Text>;
  if (b.status === 'paired') return <MeetingForm batchId={b._id} kind='kickoff' onDone={reload} />;
  if (b.status === 'running' && !b.summaryMeeting) return <MeetingForm batchId={b._id} kind='summary' onDone={reload} />;
  if (b.status === 'running') return <CloseForm batchId={b._id} onDone={reload} />;
  return null;
}

/** One batch's workflow: each street's recommendation and wishes, the pairing, the meetings, the summary. */
export default function BatchPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useCloudQuery(() => batch(id));
  const again = () => void reload();
  return (
    <PageShell className='adm-page batch'>
      {state.status === 'loading' ? <LoadingView text='正在读取挂职批次…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={again} /> : null}
      {state.status === 'ready' ? (
        <View>
          <View className='adm-card__head'>
            <Text className='adm-card__name'>{state.data.title}</Text>
            <Text className={`adm-badge batch__status adm-badge--${state.data.status === 'closed' ? 'ok' : 'wait'}`}>{BATCH_STATUS_LABELS[state.data.status]}</Text>
          </View>
          {state.data.streets.map(({ street, recommendation }) => (
            <View key={street} className='batch__street' data-street={street}>
              <Text className='adm-card__name'>{`${street}街道`}</Text>
              {recommendation ? <RecommendationView r={recommendation} /> : null}
              {!recommendation && state.data.status === 'recommending' ? <RecommendForm batchId={state.data._id} street={street} onDone={again} /> : null}
            </View>
          ))}
          {state.data.kickoff ? <Text className='adm-card__meta'>{meetingLine('动员会', state.data.kickoff)}</Text> : null}
          {state.data.summaryMeeting ? <Text className='adm-card__meta'>{meetingLine('总结座谈会', state.data.summaryMeeting)}</Text> : null}
          {state.data.summary ? <Text className='batch__text batch__summary-text'>{`批次总结：${state.data.summary}`}</Text> : null}
          <NextStep b={state.data} reload={again} />
        </View>
      ) : null}
    </PageShell>
  );
}
