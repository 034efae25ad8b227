import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Envelope } from '@yanzhen/domain';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { inviteJudge, listJudges, removeJudge, type ContestSummary, type IssuedCode, type JudgeRow } from '../../services/admin';
import { Button } from '../../ui/nutui';
import { Chips } from '../components/Chips';
import { CodeCard } from '../components/CodeCard';
import { confirmAction, tell } from '../confirm';
import { formatTime, userHandle } from '../format';

function JudgeList({ contest }: { contest: ContestSummary }) {
  const { state, reload } = useCloudQuery<{ items: JudgeRow[] }>(() => listJudges(contest._id));
  const [code, setCode] = useState<IssuedCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function invite() {
    setBusy(true);
    const res = await inviteJudge(contest._id);
    setBusy(false);
    if (res.ok) setCode(res.data);
    else tell(res.error.message);
  }

  async function remove(row: JudgeRow) {
    if (!(await confirmAction('移除评委', `确定让${userHandle(row.userKey)}不再担任“${contest.title}”的评委吗？`, '移除'))) return;
    const res = await removeJudge(contest._id, row.userKey);
    if (!res.ok) return tell(res.error.message);
    await reload();
  }

  return (
    <View className='invites__judges'>
      <Button className='invites__invite-judge' type='primary' size='large' block disabled={busy} onClick={() => void invite()}>
        {busy ? '正在生成…' : '生成评委邀请码'}
      </Button>
      {code ? <CodeCard title={`“${contest.title}”评委邀请码`} code={code.code} expiresAt={code.expiresAt} /> : null}
      {state.status === 'loading' ? <LoadingView /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <Text className='adm-empty'>这次比武还没有评委。生成邀请码，当面交给评委即可。</Text> : null}
      {state.status === 'ready'
        ? state.data.items.map((row, i) => (
            <View key={row.userKey ?? i} className='adm-card invites__judge'>
              <Text className='adm-card__name'>{userHandle(row.userKey)}</Text>
              {row.since ? <Text className='adm-card__meta'>自 {formatTime(row.since)} 起担任评委</Text> : null}
              <View className='adm-card__actions'>
                <Button className='invites__remove-judge' size='normal' disabled={!row.userKey} onClick={() => void remove(row)}>
                  移除评委
                </Button>
              </View>
            </View>
          ))
        : null}
    </View>
  );
}

/** Judges are assigned per contest: pick the contest, then invite or remove its judges. */
export function JudgesSection({ contests }: { contests: Envelope<{ items: ContestSummary[] }> | null }) {
  // Memoised: a fresh `[]` on each render would re-run the effect below every time.
  const items = useMemo(() => (contests?.ok ? contests.data.items : []), [contests]);
  const [contestId, setContestId] = useState<string>('');
  useEffect(() => {
    if (!contestId && items.length) setContestId(items[0]._id);
  }, [items, contestId]);
  const contest = items.find((c) => c._id === contestId);

  return (
    <View>
      <Text className='adm-section-title'>评委</Text>
      {contests === null ? <LoadingView /> : null}
      {contests && !contests.ok ? <Text className='adm-error'>{contests.error.message}</Text> : null}
      {contests?.ok && items.length === 0 ? <Text className='adm-empty'>还没有比武活动，创建比武后再邀请评委。</Text> : null}
      <Chips options={items.map((c) => ({ key: c._id, label: c.title }))} value={contestId} onChange={setContestId} className='invites__contests' />
      {contest ? <JudgeList key={contest._id} contest={contest} /> : null}
    </View>
  );
}
