import { idSchema } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { castVote } from './cast';
import { quota, ranking } from './ranking';

export const voteActions: ActionMap = {
  /** One vote by the caller (one OpenID is one voter) → `{ remainingToday }`. */
  cast: action({
    access: 'resident',
    input: z.strictObject({ contestId: idSchema, candidateId: idSchema }),
    async run({ contestId, candidateId }, { caller, now }) {
      // 'resident' access: the runner has already refused callers without an OpenID.
      return castVote(contestId, candidateId, caller.openid as string, now);
    },
  }),
  /** The popularity ranking: `{ items: [{ candidateId, name, votes }], updatedAt }`, most votes first. */
  ranking: action({
    access: 'public',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }) {
      return ranking(contestId);
    },
  }),
  /** The caller's votes left today in a contest, and the rule. */
  quota: action({
    access: 'resident',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, { caller, now }) {
      return quota(contestId, caller.openid as string, now);
    },
  }),
};
