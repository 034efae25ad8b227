import { Text, View } from '@tarojs/components';
import { ENTRY_KIND_LABELS, type EntryKind } from '@yanzhen/domain';
import './ArchiveTimeline.scss';

export interface TimelineEntry {
  id: string;
  kind: EntryKind;
  date: string;
  title: string;
  detail: string;
  source: string;
  origin?: string;
}

/**
 * A person file's entries as a timeline, newest first: the date, the kind (学历教育, 教育培训, …), what it was
 * and who recorded it. Shared by the admin's file page and the secretary's own file (both subpackages).
 */
export function ArchiveTimeline({ entries, empty }: { entries: TimelineEntry[]; empty: string }) {
  if (entries.length === 0) return <Text className='yz-timeline__empty'>{empty}</Text>;
  return (
    <View className='yz-timeline'>
      {entries.map((e) => (
        <View key={e.id} className={`yz-timeline__item yz-timeline__item--${e.kind}`} data-entry={e.id}>
          <View className='yz-timeline__dot' />
          <View className='yz-timeline__body'>
            <View className='yz-timeline__head'>
              <Text className='yz-timeline__date'>{e.date}</Text>
              <Text className='yz-timeline__kind'>{ENTRY_KIND_LABELS[e.kind]}</Text>
            </View>
            <Text className='yz-timeline__title'>{e.title}</Text>
            {e.detail ? <Text className='yz-timeline__detail'>{e.detail}</Text> : null}
            <Text className='yz-timeline__source'>{`来源：${e.source}${e.origin === 'proposal' ? '（本人提交，组织部确认）' : ''}`}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
