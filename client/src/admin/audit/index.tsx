import { useCallback, useEffect, useState } from 'react';
import { usePullDownRefresh } from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AppErrorBody } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { auditList, type AuditRow } from '../../services/admin';
import { Button } from '../../ui/nutui';
import { Chips } from '../components/Chips';
import { AUDIT_OPERATIONS, formatTime } from '../format';
import '../admin.scss';
import './index.scss';

const OPERATION_OPTIONS = [{ key: '', label: '全部操作' }, ...AUDIT_OPERATIONS];

function Entry({ row }: { row: AuditRow }) {
  return (
    <View className='adm-card audit__entry' data-action={row.action}>
      <View className='adm-card__head'>
        <Text className='adm-card__name'>{row.actionLabel}</Text>
        <Text className='adm-card__meta'>{formatTime(row.at)}</Text>
      </View>
      <Text className='adm-card__meta audit__target-label'>{row.targetLabel}</Text>
      <Text className='adm-card__meta audit__actor'>{`操作人：${row.actorLabel}`}</Text>
      {row.changes.length ? (
        <View className='audit__changes'>
          {row.changes.map((c, i) => (
            <View key={i} className='audit__change'>
              <Text className='audit__change-label'>{c.field}</Text>
              <Text className='audit__change-line audit__change-before'>{`原：${c.before}`}</Text>
              <Text className='audit__change-line audit__change-after'>{`新：${c.after}`}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='adm-card__meta'>没有字段变化</Text>
      )}
    </View>
  );
}

type Loaded = { status: 'loading' } | { status: 'failed'; error: AppErrorBody } | { status: 'ready'; items: AuditRow[]; page: number; hasMore: boolean };

/** 操作记录: the append-only audit trail, newest first, filtered by operation and target, 20 a page. */
export default function AuditPage() {
  const [operation, setOperation] = useState('');
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState({ operation: '', target: '' });
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [more, setMore] = useState(false);

  const loadFirst = useCallback(async () => {
    setLoaded({ status: 'loading' });
    const res = await auditList({ ...applied, page: 0 });
    setLoaded(res.ok ? { status: 'ready', ...res.data } : { status: 'failed', error: res.error });
  }, [applied]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);
  usePullDownRefresh(() => void loadFirst().finally(() => Taro.stopPullDownRefresh()));

  async function loadMore() {
    if (loaded.status !== 'ready') return;
    setMore(true);
    const res = await auditList({ ...applied, page: loaded.page + 1 });
    setMore(false);
    if (res.ok) setLoaded({ status: 'ready', items: [...loaded.items, ...res.data.items], page: res.data.page, hasMore: res.data.hasMore });
    else void Taro.showToast({ title: res.error.message, icon: 'none' });
  }

  return (
    <PageShell className='adm-page audit'>
      <Text className='adm-intro'>每一项权限变更、绑定和审核都记在这里，只能查看，不能修改或删除。</Text>
      <Chips
        options={OPERATION_OPTIONS}
        value={operation}
        onChange={(key) => {
          setOperation(key);
          setApplied({ operation: key, target });
        }}
        className='audit__operations'
      />
      <View className='audit__search'>
        <Input
          className='adm-input audit__target'
          value={target}
          placeholder='书记姓名或比武活动名称'
          onInput={(e) => setTarget(e.detail.value)}
          onConfirm={() => setApplied({ operation, target })}
        />
        <Button className='audit__apply' type='primary' size='normal' onClick={() => setApplied({ operation, target })}>
          查询
        </Button>
      </View>
      {loaded.status === 'loading' ? <LoadingView text='正在读取操作记录…' /> : null}
      {loaded.status === 'failed' ? <ErrorView error={loaded.error} onRetry={() => void loadFirst()} /> : null}
      {loaded.status === 'ready' && loaded.items.length === 0 ? (
        <Text className='adm-empty audit__empty'>
          {applied.operation || applied.target
            ? '没有符合条件的记录。换一个操作类型，或清空对象筛选再试。'
            : '还没有操作记录。发放绑定码、邀请、审核等操作完成后会记在这里。'}
        </Text>
      ) : null}
      {loaded.status === 'ready' ? loaded.items.map((row, i) => <Entry key={`${row.at}:${i}`} row={row} />) : null}
      {loaded.status === 'ready' && loaded.hasMore ? (
        <Button className='audit__more' size='large' block disabled={more} onClick={() => void loadMore()}>
          {more ? '正在加载…' : '加载更早的记录'}
        </Button>
      ) : null}
      {loaded.status === 'ready' && !loaded.hasMore && loaded.items.length > 0 ? <Text className='adm-empty'>没有更早的记录了</Text> : null}
    </PageShell>
  );
}
