import { fail, type Envelope } from '@yanzhen/domain';
import { contestCandidates, contestList, type Candidate, type PublicContest } from '../../services/contest';
import { voteRanking, type Ranking } from '../../services/vote';

export interface Board {
  contests: PublicContest[];
  contest: PublicContest;
  candidates: Candidate[];
  ranking: Ranking;
}

/** The contest to show: the one asked for, else the one with voting open, else the newest. */
export function pickContest(contests: PublicContest[], wanted: string | null): PublicContest | null {
  return contests.find((c) => c._id === wanted) ?? contests.find((c) => c.votingOpen) ?? contests[0] ?? null;
}

/** Everything the tab shows: the contest list (to pick one), its candidates and the popularity ranking. */
export async function loadBoard(wanted: string | null): Promise<Envelope<Board | null>> {
  const list = await contestList();
  if (!list.ok) return list;
  const contest = pickContest(list.data.items, wanted);
  if (!contest) return { ok: true, data: null };
  const [candidates, ranking] = await Promise.all([contestCandidates(contest._id), voteRanking(contest._id)]);
  if (!candidates.ok) return candidates;
  if (!ranking.ok) return ranking;
  if (!Array.isArray(candidates.data.items)) return fail('internal', '候选书记加载失败，请稍后再试');
  return { ok: true, data: { contests: list.data.items, contest, candidates: candidates.data.items, ranking: ranking.data } };
}
