import { Text, View } from '@tarojs/components';
import type { VoteNotice } from './useVoting';
import './VoteNoticeBar.scss';

/** What happened to the last vote, in words; stays until the next vote so it can be read at any font size. */
export function VoteNoticeBar({ notice }: { notice: VoteNotice | null }) {
  if (!notice) return null;
  return (
    <View className={`yz-vote-notice yz-vote-notice--${notice.kind}`} role='status'>
      <Text className='yz-vote-notice__text'>{notice.text}</Text>
    </View>
  );
}

/** Why every vote button is disabled (today's votes are used), beside the buttons. */
export function UsedUpNote({ text }: { text: string }) {
  return (
    <View className='yz-vote-used-up' role='note'>
      <Text className='yz-vote-used-up__text'>{text}</Text>
    </View>
  );
}

/** `今日还可投 2 票` in large type. */
export function RemainingVotes({ remaining }: { remaining: number | null }) {
  return (
    <View className='yz-remaining'>
      <Text className='yz-remaining__label'>今日还可投</Text>
      <Text className='yz-remaining__count'>{remaining === null ? '–' : remaining}</Text>
      <Text className='yz-remaining__label'>票</Text>
    </View>
  );
}
