import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUSES, STREETS, streetLabel, type RegistrationStatus, type Street } from '@yanzhen/domain';
import { ExportButton } from '../../../components/ExportButton';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { listContests } from '../../../services/admin';
import { registrationList, registrationsExport, reviewRegistration, reviewRegistrations, type ReviewList } from '../../../services/contest-registration';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { confirmAction, tell } from '../../confirm';
import { RegistrationCard } from './RegistrationCard';
import '../../admin.scss';
import './index.scss';

type StatusKey = 'all' | RegistrationStatus;
type StreetKey = 'all' | Street;

const filterOf = (status: StatusKey, street: StreetKey) => ({ ...(status === 'all' ? {} : { status }), ...(street === 'all' ? {} : { street }) });

function Review({ contests }: { contests: { _id: string; title: string }[] }) {
  const [contestId, setContestId] = useState(contests[0]._id);
  const [status, setStatus] = useState<StatusKey>('pending');
  const [street, setStreet] = useState<StreetKey>('all');
  const filter = filterOf(status, street);
  const load = useCallback(() => registrationList(contestId, filterOf(status, street)), [contestId, status, street]);
  const { state, reload } = useCloudQuery(load);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [bulkReason, setBulkReason] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A new contest or filter: load again (the first load is useCloudQuery's own) and forget the selection.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSelected([]);
    void reload();
  }, [contestId, status, street, reload]);

  const data: ReviewList | null = state.status === 'ready' ? state.data : null;
  const pendingIds = data?.items.filter((r) => r.status === 'pending').map((r) => r._id) ?? [];
  const toggle = (id: string) => setSelected(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  async function decideOne(id: string, name: string, decision: 'approve' | 'reject', reason?: string) {
    setBusy(id);
    const res = await reviewRegistration(id, decision, reason);
    setBusy(null);
    if (!res.ok) tell(res.error.message);
    else setDone(decision === 'approve' ? `已通过${name}的报名` : `${name}的报名未通过，书记会看到原因`);
    await reload();
  }

  async function decideBulk(decision: 'approve' | 'reject', reason?: string) {
    const ids = selected.filter((id) => pendingIds.includes(id));
    if (!ids.length) return;
    if (!(await confirmAction(decision === 'approve' ? '批量通过' : '批量不通过', `确定${decision === 'approve' ? '通过' : '不通过'}选中的 ${ids.length} 份报名吗？`))) return;
    setBusy('bulk');
    const res = await reviewRegistrations(contestId, ids, decision, reason);
    setBusy(null);
    setBulkReason(null);
    setSelected([]);
    if (!res.ok) tell(res.error.message);
    else {
      const skipped = res.data.skipped.length ? `，${res.data.skipped.length} 份未处理：${res.data.skipped[0].message}` : '';
      setDone(`已${decision === 'approve' ? '通过' : '不通过'} ${res.data.done.length} 份报名${skipped}`);
    }
    await reload();
  }

  const statusOptions = [{ key: 'all' as StatusKey, label: '全部' }, ...REGISTRATION_STATUSES.map((s) => ({ key: s, label: `${REGISTRATION_STATUS_LABELS[s]}${data ? ` ${data.counts[s]}` : ''}` }))];
  const streetOptions = [{ key: 'all' as StreetKey, label: '全部街道' }, ...STREETS.map((s) => ({ key: s, label: streetLabel(s) }))];
  return (
    <View className='creg-page'>
      {contests.length > 1 ? <Chips className='creg__contests' options={contests.map((c) => ({ key: c._id, label: c.title }))} value={contestId} onChange={setContestId} scroll /> : null}
      <Chips className='creg__status-filter' options={statusOptions} value={status} onChange={setStatus} />
      <Chips className='creg__street-filter' options={streetOptions} value={street} onChange={setStreet} scroll />
      {done ? <View className='creg__done'><Text>{done}</Text></View> : null}
      {state.status === 'loading' ? <LoadingView text='正在读取报名…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {data && pendingIds.length ? (
        <View className='creg__bulk'>
          <Text className='creg__select-all' onClick={() => setSelected(selected.length === pendingIds.length ? [] : pendingIds)}>
            {selected.length === pendingIds.length ? '取消全选' : `全选待审核（${pendingIds.length}）`}
          </Text>
          {bulkReason === null ? (
            <View className='adm-card__actions'>
              <Button className='creg__bulk-approve' type='primary' size='normal' disabled={!selected.length || busy !== null} onClick={() => void decideBulk('approve')}>
                {`批量通过（${selected.length}）`}
              </Button>
              <Button className='creg__bulk-reject' size='normal' disabled={!selected.length || busy !== null} onClick={() => setBulkReason('')}>
                批量不通过
              </Button>
            </View>
          ) : (
            <View className='creg__reject'>
              <Textarea className='adm-textarea creg__bulk-reason' value={bulkReason} maxlength={200} placeholder='写明未通过的原因，每位书记都会看到' onInput={(e) => setBulkReason(e.detail.value)} />
              <View className='adm-card__actions'>
                <Button className='creg__bulk-confirm-reject' type='primary' size='normal' disabled={!bulkReason.trim() || busy !== null} onClick={() => void decideBulk('reject', bulkReason)}>
                  {`确认不通过（${selected.length}）`}
                </Button>
                <Button size='normal' onClick={() => setBulkReason(null)}>取消</Button>
              </View>
            </View>
          )}
        </View>
      ) : null}
      {data && data.items.length === 0 ? (
        <Text className='adm-empty creg__empty'>
          {status === 'pending' ? '目前没有待审核的报名。书记提交后会出现在这里，下拉可刷新；也可以点“全部”查看已审核的报名。' : '没有符合筛选条件的报名，换个状态或街道看看。'}
        </Text>
      ) : null}
      {data?.items.map((item) => (
        <RegistrationCard
          key={`${item._id}:${item.status}`}
          item={item}
          selected={selected.includes(item._id)}
          busy={busy === item._id || busy === 'bulk'}
          onSelect={() => toggle(item._id)}
          onApprove={() => void decideOne(item._id, item.name, 'approve')}
          onReject={(reason) => void decideOne(item._id, item.name, 'reject', reason)}
        />
      ))}
      {data ? (
        <ExportButton
          block='creg-export'
          label='导出报名名单（Excel）'
          run={() => registrationsExport(contestId, filter)}
          buildingText='正在生成名单并上传…'
          readyText={(file) => `已生成 ${file.rows} 条报名`}
        />
      ) : null}
    </View>
  );
}

/** 大比武报名审核: a contest's registrations by status and street; approve or reject (one or many); export. */
export default function ContestReviewPage() {
  const { state, reload } = useCloudQuery(listContests);
  return (
    <PageShell className='adm-page'>
      <Text className='adm-intro'>书记报名后在这里审核。通过的报名成为参赛选手；不通过须写明原因。每一次审核都记入操作记录。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取比武活动…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <Text className='adm-empty'>还没有比武活动。请先在“比武设置”中创建。</Text> : null}
      {state.status === 'ready' && state.data.items.length ? <Review contests={state.data.items} /> : null}
    </PageShell>
  );
}
