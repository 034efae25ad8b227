import { ensure, isVotingOpen, voteRuleOf, type ContestDoc } from '@yanzhen/domain';
import { db } from './cloud';

/** The contest by id, or `not-found` (找不到该比武活动): the one read every contest-scoped action starts with. */
export async function loadContest(contestId: string): Promise<ContestDoc> {
  const found = await db.collection('contests').where({ _id: contestId }).limit(1).get();
  const contest = found.data[0] as ContestDoc | undefined;
  ensure(contest, 'not-found', '找不到该比武活动');
  return contest;
}

/** What a voter needs to know of a contest's voting, as every public view of a contest shows it. */
export function votingOf(c: ContestDoc, now: Date) {
  return { votingOpen: isVotingOpen(c.vote, now), voteRule: voteRuleOf(c), voteStart: c.vote.start, voteEnd: c.vote.end };
}
