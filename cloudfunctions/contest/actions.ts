import { idSchema, type CandidateDoc, type ContestDoc, type ShowcaseDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { _ } from '../shared/cloud';
import { loadContest, votingOf } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { withPhotoUrls } from '../showcase/cards';

/** What residents see of a contest: the rule and the window, not the judges or scores. */
export function publicContest(c: ContestDoc, now: Date) {
  return {
    _id: c._id,
    title: c.title,
    year: c.year,
    theme: c.theme,
    status: c.status,
    forms: c.forms,
    dimensions: c.dimensions,
    scoringRule: c.scoringRule,
    awards: c.awards,
    ...votingOf(c, now),
  };
}

export type PublicContest = ReturnType<typeof publicContest>;

export const contestActions: ActionMap = {
  /** Every contest, newest first, with whether voting is open now. */
  list: action({
    access: 'public',
    input: z.strictObject({}),
    async run(_input, { now }) {
      const contests = await readAll<ContestDoc>('contests', {}, { orderBy: ['year', 'desc'] });
      return { items: contests.map((c) => publicContest(c, now)) };
    },
  }),
  /** The approved candidates of a contest, with their showcase photo when there is one. */
  candidates: action({
    access: 'public',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }) {
      // The contest check runs beside the candidates read: one round trip instead of two.
      const [, candidates] = await Promise.all([loadContest(contestId), readAll<CandidateDoc>('candidates', { contestId, status: 'approved' })]);
      const secretaryIds = candidates.map((c) => c.secretaryId);
      const showcases = secretaryIds.length
        ? await readAll<Pick<ShowcaseDoc, '_id' | 'secretaryId' | 'published'>>('showcases', { secretaryId: _.in(secretaryIds) }, { field: { _id: true, secretaryId: true, published: true } })
        : [];
      const bySecretary = new Map(showcases.filter((s) => s.published).map((s) => [s.secretaryId, s]));
      const items = candidates
        .map((c) => {
          const showcase = bySecretary.get(c.secretaryId);
          return {
            _id: c._id,
            name: c.name,
            community: c.community,
            street: c.street,
            secretaryId: c.secretaryId,
            showcaseId: showcase?._id ?? null,
            photoFileId: showcase?.published?.photoFileId ?? null,
            photoUrl: null as string | null,
          };
        })
        .sort((a, b) => a._id.localeCompare(b._id));
      return { items: await withPhotoUrls(items) };
    },
  }),
};
