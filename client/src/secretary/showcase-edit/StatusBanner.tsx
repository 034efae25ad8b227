import { Text, View } from '@tarojs/components';
import { EDIT_STATE_LABELS, editState, type OwnerShowcase } from '../../services/my-showcase';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** What the public sees now, in a sentence: the published version stays up until an admin approves a change. */
function publicLine(s: OwnerShowcase | null): string {
  if (s?.published) return `公开页面显示的是 ${day(s.publishedAt)} 发布的版本，新的修改须经审核通过后才会替换它。`;
  return '您的风采还没有公开，提交审核并通过后，居民才能看到。';
}

const EXPLAIN = {
  empty: '填写事迹、成绩和标签，保存草稿后提交审核。',
  draft: '草稿已保存，尚未提交审核。',
  pending: '已提交，正在等待区委组织部审核。此时再保存会撤回提交。',
  rejected: '审核没有通过，请按原因修改后重新提交。',
  published: '当前内容已审核并公开。',
} as const;

/** The review status of the secretary's showcase: 草稿 / 审核中 / 已退回 (with the reason) / 已发布. */
export function StatusBanner({ showcase }: { showcase: OwnerShowcase | null }) {
  const state = editState(showcase);
  return (
    <View className={`edit-status edit-status--${state}`}>
      <View className='edit-status__row'>
        <Text className='edit-status__badge'>{EDIT_STATE_LABELS[state]}</Text>
        <Text className='edit-status__explain'>{EXPLAIN[state]}</Text>
      </View>
      {state === 'rejected' && showcase?.rejectReason ? <Text className='edit-status__reason'>退回原因：{showcase.rejectReason}</Text> : null}
      <Text className='edit-status__public'>{publicLine(showcase)}</Text>
    </View>
  );
}
