import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SALON_STATUS_LABELS, SALON_TOPICS, STREETS } from '@yanzhen/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTime, streetText } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { listSalons, type SalonListItem } from '../../services/salon';
import { SALON_ARCHIVE_PAGE, salonPageUrl } from '../routes';
import '../salon-pages.scss';

interface Filters {
  topic: string;
  street: string;
}

function ChipRow({ kind, all, options, value, onChange }: { kind: string; all: string; options: readonly string[]; value: string; onChange: (v: string) => void }) {
  const chip = (label: string, key: string) => (
    <Text key={key || 'all'} className={`salon-chip salon-chip--${kind}${value === key ? ' salon-chip--on' : ''}`} data-key={key} onClick={() => onChange(key)}>
      {label}
    </Text>
  );
  return (
    <ScrollView scrollX className='salon-chips' enhanced showScrollbar={false}>
      <View className='salon-chips__row'>
        {chip(all, '')}
        {options.map((o) => chip(o, o))}
      </View>
    </ScrollView>
  );
}

export function SalonCard({ item }: { item: SalonListItem }) {
  return (
    <View className={`salon-card salon-card--${item.status}`} data-salon={item._id} onClick={() => void Taro.navigateTo({ url: salonPageUrl(item._id) })}>
      <View className='salon-card__head'>
        <Text className='salon-card__title'>{item.title}</Text>
        <Text className={`salon-badge salon-badge--${item.status}`}>{SALON_STATUS_LABELS[item.status]}</Text>
      </View>
      <Text className='salon-card__theme'>{item.theme}</Text>
      <Text className='salon-card__line'>{`${chinaDateTime(item.date)} · ${streetText(item.hostStreet)}承办`}</Text>
      <Text className='salon-card__line'>{`话题：${item.topic}${item.presenterCount ? ` · ${item.presenterCount} 位书记分享案例` : ''}`}</Text>
    </View>
  );
}

/** The salons of one filter; remounted per filter, so a new filter shows loading, never the old list. */
function SalonList({ filters, onClear }: { filters: Filters; onClear: () => void }) {
  const { state, reload } = useCloudQuery(() => listSalons(filters));
  if (state.status === 'loading') return <LoadingView text='正在加载沙龙…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  if (state.data.items.length === 0) {
    return filters.topic || filters.street ? (
      <EmptyState title='没有符合条件的沙龙' text='换个话题或街道看看' action='清除筛选' onAction={onClear} />
    ) : (
      <EmptyState title='还没有沙龙' text='每月一期，由各街道轮值承办，敬请期待' />
    );
  }
  return (
    <View className='salon-list'>
      {state.data.items.map((item) => (
        <SalonCard key={item._id} item={item} />
      ))}
    </View>
  );
}

/** 社区书记沙龙: every salon, newest first, by topic and by host street; a card opens the salon's page. */
export default function SalonListPage() {
  const [filters, setFilters] = useState<Filters>({ topic: '', street: '' });
  return (
    <PageShell className='salon-page salon-list-page'>
      <Text className='salon-intro'>每月一期，各街道轮值承办（轮值主席制）。社区书记报名参加、分享案例，居民可以查看往期记录。</Text>
      <Text className='salon-link salon-link--archive' onClick={() => void Taro.navigateTo({ url: SALON_ARCHIVE_PAGE })}>
        查看往期纪要和照片 ›
      </Text>
      <ChipRow kind='topic' all='全部话题' options={SALON_TOPICS} value={filters.topic} onChange={(topic) => setFilters({ ...filters, topic })} />
      <ChipRow kind='street' all='全部街道' options={STREETS} value={filters.street} onChange={(street) => setFilters({ ...filters, street })} />
      <SalonList key={`${filters.topic}|${filters.street}`} filters={filters} onClear={() => setFilters({ topic: '', street: '' })} />
    </PageShell>
  );
}
