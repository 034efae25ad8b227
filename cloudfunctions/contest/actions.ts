import { idSchema, type CandidateDoc, type ContestDoc, type ShowcaseDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { _ } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { withPhotoUrls } from '../showcase/cards';
import { judgingActions } from './judging';
import { publicContest } from './public-contest';
import { quizActions } from './quiz';
import { registrationActions } from './registration';
import { resultsActions } from './results';
import { reviewActions } from './review';
import { setupActions } from './setup';


const publicActions: ActionMap = {
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

/**
 * The contest's actions, by area: what residents read (above), set-up and judging, registration and review,
 * the knowledge quiz, results and exports.
 */
export const contestActions: ActionMap = {
  ...publicActions,
  ...setupActions,
  ...registrationActions,
  ...reviewActions,
  ...judgingActions,
  ...quizActions,
  ...resultsActions,
};
