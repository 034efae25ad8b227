import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { STREETS, type Street } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { issueBindingCode, listBindings, unbind, type BindingRow, type IssuedCode } from '../../services/admin';
import { Button } from '../../ui/nutui';
import { Chips } from '../components/Chips';
import { CodeCard } from '../components/CodeCard';
import { confirmAction, tell } from '../confirm';
import { formatTime } from '../format';
import '../admin.scss';

type StreetFilter = Street | 'all';
const STREET_OPTIONS: { key: StreetFilter; label: string }[] = [{ key: 'all', label: '全部街道' }, ...STREETS.map((s) => ({ key: s, label: s }))];

function statusOf(row: BindingRow): { text: string; tone: 'ok' | 'wait' | '' } {
  if (row.bound) return { text: '已绑定', tone: 'ok' };
  if (row.codeExpiresAt) return { text: '绑定码待使用', tone: 'wait' };
  return { text: '未绑定', tone: '' };
}

interface RowProps {
  row: BindingRow;
  issued?: IssuedCode;
  busy: boolean;
  onIssue: () => void;
  onUnbind: () => void;
}

function BindingCard({ row, issued, busy, onIssue, onUnbind }: RowProps) {
  const status = statusOf(row);
  return (
    <View className='adm-card binding' data-secretary={row.secretaryId}>
      <View className='adm-card__head'>
        <Text className='adm-card__name'>{row.name}</Text>
        <Text className={`adm-badge adm-badge--${status.tone}`}>{status.text}</Text>
      </View>
      <Text className='adm-card__meta'>{`${row.street}街道 · ${row.community}`}</Text>
      {row.bound && row.boundAt ? <Text className='adm-card__meta'>绑定于 {formatTime(row.boundAt)}</Text> : null}
      {!row.bound && row.codeExpiresAt && !issued ? <Text className='adm-card__meta'>已发放的绑定码有效期至 {formatTime(row.codeExpiresAt)}</Text> : null}
      {issued ? <CodeCard title={`${row.name}（${row.community}）的绑定码`} code={issued.code} expiresAt={issued.expiresAt} /> : null}
      <View className='adm-card__actions'>
        {row.bound ? (
          <Button className='binding__unbind' size='normal' disabled={busy} onClick={onUnbind}>
            解除绑定
          </Button>
        ) : (
          <Button className='binding__issue' type='primary' size='normal' disabled={busy} onClick={onIssue}>
            {busy ? '正在发放…' : row.codeExpiresAt || issued ? '重新发放绑定码' : '发放绑定码'}
          </Button>
        )}
      </View>
    </View>
  );
}

interface ListProps {
  street: StreetFilter;
  issued: Record<string, IssuedCode>;
  setIssued: (update: (m: Record<string, IssuedCode>) => Record<string, IssuedCode>) => void;
}

/** The records of one street filter; remounted per filter, so a new filter shows loading, never the old list. */
function BindingList({ street, issued, setIssued }: ListProps) {
  const { state, reload } = useCloudQuery(() => listBindings(street === 'all' ? undefined : street));
  const [busyId, setBusyId] = useState<string | null>(null);

  async function issue(row: BindingRow) {
    if (row.codeExpiresAt && !(await confirmAction('重新发放绑定码', `${row.name}之前的绑定码将立即作废，确定重新发放吗？`))) return;
    setBusyId(row.secretaryId);
    const res = await issueBindingCode(row.secretaryId);
    setBusyId(null);
    if (res.ok) setIssued((m) => ({ ...m, [row.secretaryId]: res.data }));
    else tell(res.error.message);
  }

  async function undo(row: BindingRow) {
    if (!(await confirmAction('解除绑定', `解除后，${row.name}的微信将不再拥有社区书记身份，需重新发放绑定码才能再次绑定。确定解除吗？`, '解除绑定'))) return;
    setBusyId(row.secretaryId);
    const res = await unbind(row.secretaryId);
    setBusyId(null);
    if (!res.ok) return tell(res.error.message);
    setIssued(({ [row.secretaryId]: _dropped, ...rest }) => rest);
    await reload();
  }

  if (state.status === 'loading') return <LoadingView text='正在读取书记档案…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  if (state.data.items.length === 0) return <Text className='adm-empty'>这个街道还没有书记档案。档案由区委组织部统一录入，录入后会出现在这里；可先选择上方的“全部街道”查看已有档案。</Text>;
  return (
    <View className='bindings__list'>
      {state.data.items.map((row) => (
        <BindingCard
          key={row.secretaryId}
          row={row}
          issued={issued[row.secretaryId]}
          busy={busyId === row.secretaryId}
          onIssue={() => void issue(row)}
          onUnbind={() => void undo(row)}
        />
      ))}
    </View>
  );
}

/** 书记绑定: every archive record, whether it is bound; issue a one-time code, or undo a binding. */
export default function BindingsPage() {
  const [street, setStreet] = useState<StreetFilter>('all');
  // Codes issued on this visit, kept across filter changes: each is shown once and never again.
  const [issued, setIssued] = useState<Record<string, IssuedCode>>({});
  return (
    <PageShell className='adm-page bindings'>
      <Text className='adm-intro'>书记凭绑定码把本人微信绑定到档案。绑定码 72 小时内有效、只能用一次，重新发放会让旧码作废。</Text>
      <Chips scroll options={STREET_OPTIONS} value={street} onChange={setStreet} className='bindings__streets' />
      <BindingList key={street} street={street} issued={issued} setIssued={setIssued} />
    </PageShell>
  );
}
