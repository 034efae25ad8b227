import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery, useCloudQueryFor } from '../../../hooks/useCloudQuery';
import { listContests } from '../../../services/admin';
import { lockRound, setupGet, type SetupRound } from '../../../services/judging';
import { Chips } from '../../components/Chips';
import { confirmAction, tell } from '../../confirm';
import { SetupForm } from './SetupForm';
import '../../admin.scss';
import './index.scss';

const NEW = 'new';

/** The form for one saved contest, loaded with its judges and scoring progress. */
function ExistingContest({ contestId, onSaved }: { contestId: string; onSaved: () => void }) {
  const { state, reload } = useCloudQueryFor(() => setupGet(contestId), [contestId]);
  // A new form instance after every load: the form starts from what is stored.
  const [version, setVersion] = useState(0);

  async function lock(round: SetupRound) {
    if (!round.key) return;
    if (!(await confirmAction('锁定本轮评分', `锁定“${round.form}”后，本轮所有评委的打分都不能再修改。确定锁定吗？`, '锁定'))) return;
    const res = await lockRound(contestId, round.key);
    if (!res.ok) return tell(res.error.message);
    tell(`“${round.form}”已锁定。`);
    await reload();
    setVersion(version + 1);
  }

  if (state.status === 'loading') return <LoadingView text='正在读取比武设置…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  return (
    <SetupForm
      key={`${contestId}:${version}`}
      data={state.data}
      onLock={(r) => void lock(r)}
      onSaved={() => {
        onSaved();
        void reload().then(() => setVersion((v) => v + 1));
      }}
    />
  );
}

/** 大比武设置: pick a contest (or start a new one) and edit its set-up; lock rounds once scored. */
export default function ContestSetupPage() {
  const { state, reload } = useCloudQuery(listContests);
  const [selected, setSelected] = useState<string | null>(null);
  const contests = state.status === 'ready' ? state.data.items : [];
  const current = selected ?? contests[0]?._id ?? NEW;
  return (
    <PageShell className='adm-page setup-page'>
      <Text className='adm-intro'>设置比武的维度权重、轮次与评委、时间和奖项。评分规则在评分开始前公布在比武页面，评分开始后不能再改。每次保存和锁定都记入操作记录。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取比武活动…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Chips className='setup-contests' scroll options={[...contests.map((c) => ({ key: c._id, label: c.title })), { key: NEW, label: '＋ 新建比武' }]} value={current} onChange={setSelected} />
          {current === NEW ? (
            <SetupForm
              key='new'
              data={null}
              onLock={() => undefined}
              onSaved={(contestId) => {
                void reload().then(() => setSelected(contestId));
              }}
            />
          ) : (
            <ExistingContest key={current} contestId={current} onSaved={() => void reload()} />
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
