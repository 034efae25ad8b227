import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { studios } from '../../services/talent';
import '../talent.scss';

/** 优秀社区书记工作室: every studio, its leader and latest activity; a tap opens its page. */
export default function StudiosPage() {
  const { state, reload } = useCloudQuery(studios);
  useShareAppMessage(() => ({ title: '优秀社区书记工作室', path: '/talent/studios/index' }));
  return (
    <PageShell className='talent studios'>
      <View className='talent__hero'>
        <Text className='talent__title'>优秀社区书记工作室</Text>
        <Text className='talent__sub'>书记跟着书记学、书记跟着书记干：专题研讨、经验分享、挂职实训</Text>
      </View>
      {state.status === 'loading' ? <LoadingView text='正在读取工作室…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <EmptyState title='还没有工作室' text='区委组织部设立工作室后会在这里公布，可先到首页看看书记风采。' action='去首页' onAction={() => void Taro.switchTab({ url: '/pages/index/index' })} /> : null}
      {state.status === 'ready'
        ? state.data.items.map((s) => (
            <View key={s._id} className='talent__card studios__item' data-studio={s._id} onClick={() => void Taro.navigateTo({ url: `/talent/studio/index?id=${s._id}` })}>
              <Text className='talent__name'>{s.name}</Text>
              <Text className='talent__meta'>{`领办书记 ${s.leader.name} · ${s.leader.street}街道 · 成员 ${s.memberCount} 人`}</Text>
              {s.latestActivity ? <Text className='talent__meta'>{`最近活动：${s.latestActivity.date} ${s.latestActivity.kind}「${s.latestActivity.title}」`}</Text> : null}
            </View>
          ))
        : null}
    </PageShell>
  );
}
