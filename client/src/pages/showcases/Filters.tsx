import { useEffect, useState } from 'react';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { DIMENSIONS, STREETS, type DimensionKey } from '@yanzhen/domain';

export interface FeedFilters {
  street: string;
  tag: DimensionKey | '';
  q: string;
}

function Chip({ label, active, onTap, kind }: { label: string; active: boolean; onTap: () => void; kind: string }) {
  return (
    <View className={`feed__chip feed__chip--${kind}${active ? ' feed__chip--active' : ''}`} onClick={onTap}>
      <Text>{label}</Text>
    </View>
  );
}

/**
 * Search by name or community, and one-tap filters by street and by dimension tag (horizontal rows that
 * scroll sideways on a 375px screen). Test hooks: `.feed__search-input`, `.feed__search-button`,
 * `.feed__chip--street` / `.feed__chip--tag` (text is the street or dimension name).
 */
export function Filters({ value, onChange }: { value: FeedFilters; onChange: (next: FeedFilters) => void }) {
  const [draft, setDraft] = useState(value.q);
  // "清除筛选" elsewhere on the page clears the search too: the box shows what is applied.
  useEffect(() => setDraft(value.q), [value.q]);
  const search = () => onChange({ ...value, q: draft.trim() });

  return (
    <View className='feed__filters'>
      <View className='feed__search'>
        <Input
          className='feed__search-input'
          type='text'
          confirmType='search'
          placeholder='搜索书记姓名或社区'
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        {draft ? (
          <Text
            className='feed__search-clear'
            onClick={() => {
              setDraft('');
              onChange({ ...value, q: '' });
            }}
          >
            清除
          </Text>
        ) : null}
        <View className='feed__search-button' onClick={search}>
          <Text>搜索</Text>
        </View>
      </View>
      <ScrollView scrollX className='feed__row' enhanced showScrollbar={false}>
        <View className='feed__chips'>
          <Chip kind='street' label='全部街道' active={!value.street} onTap={() => onChange({ ...value, street: '' })} />
          {STREETS.map((s) => (
            <Chip kind='street' key={s} label={s} active={value.street === s} onTap={() => onChange({ ...value, street: s })} />
          ))}
        </View>
      </ScrollView>
      <ScrollView scrollX className='feed__row' enhanced showScrollbar={false}>
        <View className='feed__chips'>
          <Chip kind='tag' label='全部方向' active={!value.tag} onTap={() => onChange({ ...value, tag: '' })} />
          {DIMENSIONS.map((d) => (
            <Chip kind='tag' key={d.key} label={d.name} active={value.tag === d.key} onTap={() => onChange({ ...value, tag: d.key })} />
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
