import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Countdown } from '../../components/Countdown';
import { USED_UP_LABEL, usedUpText, useVoting } from '../../components/useVoting';
import { RemainingVotes, UsedUpNote, VoteNoticeBar } from '../../components/VoteNoticeBar';
import { voteRuleText } from '../../components/format';
import { setPreferredContest } from '../../services/contest';
import type { ShowcaseContest } from '../../services/showcase';
import { Button } from '../../ui/nutui';

/**
 * One contest this secretary is a candidate in: while voting is open, the vote button with today's remaining
 * votes and the rule; otherwise whether voting has not started or has ended. Test hooks: `.contest-vote`,
 * `.contest-vote__button`, `.yz-remaining__count`, `.yz-vote-notice`.
 */
export function ContestVote({ contest, name }: { contest: ShowcaseContest; name: string }) {
  const { quota, notice, busy, cast, usedUp } = useVoting(contest.votingOpen ? contest.contestId : null);
  const votedToday = quota?.votedToday.includes(contest.candidateId) ?? false;
  const notStarted = !contest.votingOpen && Date.parse(contest.voteStart) > Date.now();

  const openRanking = () => {
    setPreferredContest(contest.contestId);
    void Taro.switchTab({ url: '/pages/contest/index' });
  };

  return (
    <View className='contest-vote'>
      <View className='contest-vote__head'>
        <Text className='contest-vote__title'>{contest.title}</Text>
        <Text className={`contest-vote__state${contest.votingOpen ? ' contest-vote__state--open' : ''}`}>
          {contest.votingOpen ? '投票进行中' : notStarted ? '投票未开始' : '投票已结束'}
        </Text>
      </View>
      {contest.votingOpen ? (
        <>
          <Countdown endAt={contest.voteEnd} />
          <View className='contest-vote__row'>
            <RemainingVotes remaining={quota ? quota.remainingToday : null} />
            <Button
              className='contest-vote__button'
              type='primary'
              fill={votedToday || usedUp ? 'outline' : 'solid'}
              disabled={usedUp || busy === contest.candidateId}
              onClick={() => (usedUp ? undefined : void cast(contest.candidateId, name))}
            >
              {votedToday ? '今日已投' : usedUp ? USED_UP_LABEL : `为${name}投票`}
            </Button>
          </View>
          {usedUp ? <UsedUpNote text={usedUpText(contest.voteRule.perDay)} /> : null}
          <Text className='contest-vote__rule'>{voteRuleText(contest.voteRule)}</Text>
          <VoteNoticeBar notice={notice} />
        </>
      ) : null}
      <Text className='contest-vote__link' onClick={openRanking}>
        查看全部候选书记和人气榜 ›
      </Text>
    </View>
  );
}
