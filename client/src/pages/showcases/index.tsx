import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { CardSkeletons, ShowcaseCardView } from '../../components/ShowcaseCardView';
import { ErrorView } from '../../components/StatusView';
import { streetText, tagNames } from '../../components/format';
import { Filters, type FeedFilters } from './Filters';
import { useFeed } from './useFeed';
import './index.scss';

const NO_FILTERS: FeedFilters = { street: '', tag: '', q: '' };

function summaryOf(f: FeedFilters): string {
  const parts = [f.street ? streetText(f.street) : '', f.tag ? tagNames([f.tag])[0] : '', f.q ? `“${f.q}”` : ''].filter(Boolean);
  return parts.join(' · ');
}

/** 风采 tab: every published showcase, filtered by street and tag, searched by name or community, paged. */
export default function ShowcaseFeedPage() {
  const [filters, setFilters] = useState<FeedFilters>(NO_FILTERS);
  const { state, restart, more } = useFeed();
  const query = { street: filters.street || undefined, tag: filters.tag || undefined, q: filters.q || undefined };

  useEffect(() => {
    void restart(query);
  }, [filters]); // eslint-disable-line react-hooks/exhaustive-deps -- `query` derives from `filters`

  usePullDownRefresh(() => {
    void restart(query, true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void more());
  useShareAppMessage(() => ({ title: '社区书记风采 · 品质市中 活力党建', path: '/pages/showcases/index' }));

  const filtered = Boolean(filters.street || filters.tag || filters.q);

  return (
    <PageShell className='feed'>
      <Filters value={filters} onChange={setFilters} />
      {filtered ? (
        <View className='feed__summary'>
          <Text className='feed__summary-text'>筛选：{summaryOf(filters)}</Text>
          <Text className='feed__summary-reset' onClick={() => setFilters(NO_FILTERS)}>
            清除筛选
          </Text>
        </View>
      ) : null}

      {state.loading ? <CardSkeletons count={4} /> : null}
      {!state.loading && state.error && state.items.length === 0 ? <ErrorView error={state.error} onRetry={() => void restart(query)} /> : null}
      {!state.loading && !state.error && state.items.length === 0 ? (
        filtered ? (
          <EmptyState title='没有找到符合条件的书记' text='换个街道或关键词试试' action='清除筛选，看全部书记' onAction={() => setFilters(NO_FILTERS)} />
        ) : (
          <EmptyState title='风采展正在整理中' text='书记们的风采审核通过后会在这里展示' action='回到首页' onAction={() => void Taro.switchTab({ url: '/pages/index/index' })} />
        )
      ) : null}

      {!state.loading && state.items.length > 0 ? (
        <View className='feed__list'>
          {state.items.map((card) => (
            <ShowcaseCardView card={card} key={card._id} />
          ))}
          {state.loadingMore ? <CardSkeletons count={1} /> : null}
          {state.error && !state.loadingMore ? (
            <Text className='feed__end feed__end--error' onClick={() => void more()}>
              {state.error.message}（点此重试）
            </Text>
          ) : null}
          {!state.hasMore && !state.loadingMore ? <Text className='feed__end'>已经到底了，共 {state.items.length} 位书记</Text> : null}
          {state.hasMore && !state.loadingMore && !state.error ? (
            <Text className='feed__end feed__more' onClick={() => void more()}>
              上滑加载更多
            </Text>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
