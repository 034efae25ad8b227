import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { studio, type PublicStudio } from '../../services/talent';
import '../talent.scss';

function StudioView({ s }: { s: PublicStudio }) {
  return (
    <View>
      <View className='talent__hero studio__hero'>
        <Text className='talent__title studio__name'>{s.name}</Text>
        <Text className='talent__sub'>{`领办书记：${s.leader.name}（${s.leader.street}街道${s.leader.community}）`}</Text>
      </View>
      <Text className='talent__text studio__intro'>{s.intro}</Text>
      <Text className='talent__section'>{`工作室成员（${s.members.length}）`}</Text>
      {s.members.length === 0 ? <Text className='talent__meta'>成员正在组建中。</Text> : null}
      {s.members.map((m) => (
        <View key={m.secretaryId} className='talent__card studio__member'>
          <Text className='talent__name'>{m.name}</Text>
          <Text className='talent__meta'>{`${m.street}街道 · ${m.community}`}</Text>
        </View>
      ))}
      <Text className='talent__section'>活动记录</Text>
      {s.activities.length === 0 ? <EmptyState title='还没有活动记录' text='专题研讨、经验分享、挂职实训开展后会记录在这里。' /> : null}
      {s.activities.map((a) => (
        <View key={a.id} className='talent__card studio__activity'>
          <Text className='talent__kind'>{a.kind}</Text>
          <Text className='talent__name'>{a.title}</Text>
          <Text className='talent__meta'>{a.date}</Text>
          <Text className='talent__text'>{a.summary}</Text>
        </View>
      ))}
    </View>
  );
}

/** 优秀社区书记工作室: a public page residents may open and share; only public facts of its people. */
export default function StudioPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useCloudQuery(() => studio(id));
  useShareAppMessage(() => ({ title: state.status === 'ready' ? state.data.name : '优秀社区书记工作室', path: `/talent/studio/index?id=${id}` }));
  return (
    <PageShell className='talent studio'>
      {state.status === 'loading' ? <LoadingView text='正在打开工作室…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <StudioView s={state.data} /> : null}
    </PageShell>
  );
}
