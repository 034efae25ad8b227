import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { myRegistrations, withdrawRegistration, type MyRegistrations } from '../../services/contest-registration';
import { MyRegistration } from './MyRegistration';
import { RegistrationForm } from './RegistrationForm';
import '../secretary.scss';
import './index.scss';

async function confirmWithdraw(title: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title: '撤回报名', content: `确定撤回“${title}”的报名吗？报名截止前可以重新报名。`, confirmText: '撤回', confirmColor: '#C8161D', cancelText: '取消' });
    return res.confirm;
  } catch {
    return false;
  }
}

function Registrations({ data, reload }: { data: MyRegistrations; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A contest she can register for: open, and no registration of hers that still counts.
  const active = new Set(data.items.filter((r) => r.status === 'pending' || r.status === 'approved').map((r) => r.contestId));
  const forms = data.open.filter((c) => !active.has(c._id));

  async function withdraw(contestId: string, title: string) {
    if (!(await confirmWithdraw(title))) return;
    setBusy(contestId);
    setError(null);
    const res = await withdrawRegistration(contestId);
    setBusy(null);
    if (!res.ok) return setError(res.error.message);
    setNotice('已撤回报名。');
    await reload();
  }

  return (
    <View className='reg'>
      {notice ? <View className='sec-ok reg__notice'><Text>{notice}</Text></View> : null}
      {error ? <View className='sec-error reg__error'><Text>{error}</Text></View> : null}
      {data.items.length ? (
        <View className='reg__mine'>
          <Text className='reg__section'>我的报名</Text>
          {data.items.map((item) => (
            <MyRegistration key={item._id} item={item} busy={busy === item.contestId} onWithdraw={() => void withdraw(item.contestId, item.contestTitle)} />
          ))}
        </View>
      ) : null}
      {forms.map((c) => (
        <View key={c._id} className='reg__open'>
          <Text className='reg__section'>报名参加</Text>
          <RegistrationForm
            contest={c}
            secretaryId={data.secretaryId}
            onRegistered={() => {
              setNotice('报名已提交，请等待审核。审核结果会显示在这里。');
              void reload();
            }}
          />
        </View>
      ))}
      {data.items.length === 0 && forms.length === 0 ? (
        <EmptyState
          title='目前没有开放报名的比武'
          text='报名开放后会在这里显示。先把“我的风采”完善好，报名时评委和居民都会看到。'
          action='完善我的风采'
          onAction={() => void Taro.navigateTo({ url: '/secretary/showcase-edit/index' })}
        />
      ) : null}
    </View>
  );
}

/** 报名大比武: a bound secretary registers for an open contest, follows its review, and may withdraw. */
export default function ContestRegistrationPage() {
  const { state, reload } = useCloudQuery(myRegistrations);
  return (
    <PageShell className='sec-page'>
      {state.status === 'loading' ? <LoadingView text='正在读取报名信息…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <Registrations data={state.data} reload={reload} /> : null}
    </PageShell>
  );
}
