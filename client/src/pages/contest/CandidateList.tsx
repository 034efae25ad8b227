import { Text, View } from '@tarojs/components';
import { Avatar } from '../../components/Avatar';
import { openShowcase } from '../../components/ShowcaseCardView';
import { streetText } from '../../components/format';
import type { Candidate } from '../../services/contest';
import { USED_UP_LABEL } from '../../components/useVoting';
import { Button } from '../../ui/nutui';

/**
 * The approved candidates, each with a vote button (while voting is open). Tapping the name opens the showcase.
 * Once today's votes are used (`usedUp`), every button is disabled and says so; a candidate already voted for
 * today keeps "今日已投" (tapping it shows the function's per-candidate refusal).
 * Test hooks: `.contest-candidate` with `data-candidate`, `.contest-candidate__vote`.
 */
export function CandidateList({
  candidates,
  votingOpen,
  votedToday,
  busy,
  usedUp,
  onVote,
}: {
  candidates: Candidate[];
  votingOpen: boolean;
  votedToday: string[];
  busy: string | null;
  usedUp: boolean;
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
              <Button
                className='contest-candidate__vote'
                type='primary'
                fill={voted || usedUp ? 'outline' : 'solid'}
                disabled={usedUp || busy === c._id}
                onClick={() => (usedUp ? undefined : onVote(c))}
              >
                {voted ? '今日已投' : usedUp ? USED_UP_LABEL : '投票'}
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
