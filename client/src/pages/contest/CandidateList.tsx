import { Text, View } from '@tarojs/components';
import { Avatar } from '../../components/Avatar';
import { openShowcase } from '../../components/ShowcaseCardView';
import { streetText } from '../../components/format';
import type { Candidate } from '../../services/contest';
import { Button } from '../../ui/nutui';

/**
 * The approved candidates, each with a vote button (while voting is open). Tapping the name opens the showcase.
 * Test hooks: `.contest-candidate` with `data-candidate`, `.contest-candidate__vote`.
 */
export function CandidateList({
  candidates,
  votingOpen,
  votedToday,
  busy,
  onVote,
}: {
  candidates: Candidate[];
  votingOpen: boolean;
  votedToday: string[];
  busy: string | null;
  onVote: (c: Candidate) => void;
}) {
  return (
    <View className='candidates'>
      {candidates.map((c) => {
        const voted = votedToday.includes(c._id);
        return (
          <View className='contest-candidate' key={c._id} data-candidate={c._id}>
            <View className='contest-candidate__who' onClick={() => (c.showcaseId ? openShowcase(c.secretaryId) : undefined)}>
              <Avatar name={c.name} photoUrl={c.photoUrl} size='s' />
              <View className='contest-candidate__text'>
                <Text className='contest-candidate__name'>
                  {c.name}
                  {c.showcaseId ? <Text className='contest-candidate__more'> 风采 ›</Text> : null}
                </Text>
                {/* Two unbreakable halves: a narrow screen wraps between community and street, not inside a name. */}
                <View className='contest-candidate__place'>
                  <Text className='contest-candidate__part'>{`${c.community}\u00a0·\u00a0`}</Text>
                  <Text className='contest-candidate__part'>{streetText(c.street)}</Text>
                </View>
              </View>
            </View>
            {votingOpen ? (
              <Button className='contest-candidate__vote' type='primary' fill={voted ? 'outline' : 'solid'} disabled={busy === c._id} onClick={() => onVote(c)}>
                {voted ? '今日已投' : '投票'}
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
