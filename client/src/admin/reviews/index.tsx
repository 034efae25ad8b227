import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { pendingShowcases, reviewShowcase } from '../../services/admin';
import { tell } from '../confirm';
import { ReviewCard } from './ReviewCard';
import '../admin.scss';
import './index.scss';

/** 风采审核: submitted drafts, oldest first; approve publishes the draft, reject sends it back with a reason. */
export default function ReviewsPage() {
  const { state, reload } = useCloudQuery(pendingShowcases);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function decide(id: string, name: string, decision: 'approve' | 'reject', reason?: string) {
    setBusyId(id);
    const res = await reviewShowcase(id, decision, reason);
    setBusyId(null);
    if (!res.ok) {
      tell(res.error.message);
      return reload();
    }
    setDone(decision === 'approve' ? `已通过${name}的风采，公开页面已更新` : `已退回${name}的风采，书记会看到退回原因`);
    await reload();
  }

  return (
    <PageShell className='adm-page reviews'>
      <Text className='adm-intro'>书记提交的修改在审核通过前不会公开，公开页面一直显示上一次通过的版本。</Text>
      {done ? (
        <View className='reviews__done'>
          <Text>{done}</Text>
        </View>
      ) : null}
      {state.status === 'loading' ? <LoadingView text='正在读取待审核的风采…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <Text className='adm-empty reviews__empty'>目前没有待审核的风采。书记提交后会出现在这里，下拉可刷新。</Text>
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((item) => (
            <ReviewCard
              key={`${item._id}:${item.submittedAt}`}
              item={item}
              busy={busyId === item._id}
              onApprove={() => void decide(item._id, item.name, 'approve')}
              onReject={(reason) => void decide(item._id, item.name, 'reject', reason)}
            />
          ))
        : null}
    </PageShell>
  );
}
