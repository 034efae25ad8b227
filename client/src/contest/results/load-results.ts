import type { Envelope } from '@yanzhen/domain';
import { contestList, type PublicContest } from '../../services/contest';
import { contestResults, resultSheets, type ContestResults, type ResultSheets } from '../../services/contest-results';

export interface ResultsView {
  contest: PublicContest;
  /** Published contests, newest first (to switch between editions). */
  published: PublicContest[];
  results: ContestResults;
  sheets: ResultSheets;
}

/** The contest asked for, else the newest published one, else the newest. */
export function pickResultsContest(contests: readonly PublicContest[], wanted: string | null): PublicContest | null {
  return contests.find((c) => c._id === wanted) ?? contests.find((c) => c.status === 'published') ?? contests[0] ?? null;
}

/** The page's data: the contest (dimensions with maxima, awards), its published results and public sheets. */
export async function loadResults(wanted: string | null): Promise<Envelope<ResultsView | null>> {
  const list = await contestList();
  if (!list.ok) return list;
  const contest = pickResultsContest(list.data.items, wanted);
  if (!contest) return { ok: true, data: null };
  const [results, sheets] = await Promise.all([contestResults(contest._id), resultSheets(contest._id)]);
  if (!results.ok) return results;
  if (!sheets.ok) return sheets;
  return { ok: true, data: { contest, published: list.data.items.filter((c) => c.status === 'published'), results: results.data, sheets: sheets.data } };
}
