import { useEffect, useRef, useState } from 'react';
import { Image, Input, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { SALON_TOPICS, STREETS, type Envelope } from '@yanzhen/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDate, streetText } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { loadArchive, type ArchiveItem } from '../qa-api';
import './index.scss';

interface Filters {
  topic: string;
  street: string;
  q: string;
}
const NONE: Filters = { topic: '', street: '', q: '' };

/** 沙龙档案: past salons by topic, with a search by host street and words (theme, cases, presenters). */
export default function SalonArchivePage() {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [typed, setTyped] = useState('');
  const { state, reload } = useCloudQuery<{ items: ArchiveItem[]; topics: string[] }>(
    (): Promise<Envelope<{ items: ArchiveItem[]; topics: string[] }>> => loadArchive({ topic: filters.topic || undefined, street: filters.street || undefined, q: filters.q || undefined }),
  );
  // The first load is useCloudQuery's own; later ones follow the filters.
  const shown = useRef(filters);
  useEffect(() => {
    if (shown.current === filters) return;
    shown.current = filters;
    void reload();
  }, [filters, reload]);
  useShareAppMessage(() => ({ title: '社区书记沙龙档案', path: '/salon/archive/index' }));

  const filtered = Boolean(filters.topic || filters.street || filters.q);
  const chip = (on: boolean) => `archive__chip${on ? ' archive__chip--on' : ''}`;

  return (
    <PageShell className='archive'>
      <View className='archive__filters'>
        <View className='archive__search'>
          <Input className='archive__search-input' value={typed} maxlength={30} placeholder='搜索主题、案例或书记' confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={() => setFilters({ ...filters, q: typed.trim() })} />
          <Text className='archive__search-button' onClick={() => setFilters({ ...filters, q: typed.trim() })}>
            搜索
          </Text>
        </View>
        <ScrollView scrollX className='archive__row'>
          <View className='archive__chips archive__topics'>
            <Text className={chip(!filters.topic)} onClick={() => setFilters({ ...filters, topic: '' })}>
              全部主题
            </Text>
            {SALON_TOPICS.map((t) => (
              <Text key={t} className={chip(filters.topic === t)} onClick={() => setFilters({ ...filters, topic: t })}>
                {t}
              </Text>
            ))}
          </View>
        </ScrollView>
        <ScrollView scrollX className='archive__row'>
          <View className='archive__chips archive__streets'>
            <Text className={chip(!filters.street)} onClick={() => setFilters({ ...filters, street: '' })}>
              全部街道
            </Text>
            {STREETS.map((s) => (
              <Text key={s} className={chip(filters.street === s)} onClick={() => setFilters({ ...filters, street: s })}>
                {s}
              </Text>
            ))}
          </View>
        </ScrollView>
      </View>

      {state.status === 'loading' ? <LoadingView /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        filtered ? (
          <EmptyState title='没有找到符合条件的沙龙' text='换个主题、街道或关键词试试' action='清除筛选，看全部沙龙' onAction={() => { setTyped(''); setFilters(NONE); }} />
        ) : (
          <EmptyState title='还没有归档的沙龙' text='每期沙龙结束后，纪要、照片和问答会整理到这里' action='回到首页' onAction={() => void Taro.switchTab({ url: '/pages/index/index' })} />
        )
      ) : null}
      {state.status === 'ready' ? (
        <View className='archive__list'>
          {state.data.items.map((s) => (
            <View className='archive__item' key={s._id} onClick={() => void Taro.navigateTo({ url: `/salon/archive/record/index?id=${s._id}` })}>
              {s.coverUrl ? <Image className='archive__cover' src={s.coverUrl} mode='aspectFill' /> : null}
              <View className='archive__body'>
                <Text className='archive__item-title'>{s.theme}</Text>
                <Text className='archive__item-meta'>
                  {s.title} · {chinaDate(s.date)} · {streetText(s.hostStreet)}承办
                </Text>
                <View className='archive__item-tags'>
                  <Text className='archive__tag'>{s.topic}</Text>
                  <Text className='archive__item-meta'>{s.presenters.length} 位书记分享{s.photoCount ? ` · ${s.photoCount} 张照片` : ''}</Text>
                </View>
              </View>
            </View>
          ))}
          {state.data.items.length > 0 ? <Text className='archive__end'>共 {state.data.items.length} 期沙龙</Text> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
