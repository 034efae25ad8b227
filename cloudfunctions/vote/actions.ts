import { idSchema } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { closeVoting, EXPORT_CURSOR, exportVotes } from './admin';
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
  /** The popularity ranking: `{ items: [{ candidateId, name, votes }], updatedAt }`, most votes first (a few seconds old at most). */
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
  /** Ends a contest's voting now → `{ voteStart, voteEnd, effectiveWithinSeconds }`. */
  close: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, { caller, now }) {
      return closeVoting(contestId, caller.openid as string, now);
    },
  }),
  /** Every vote on record, paged: `{ items: [{ voter, candidateId, candidateName, day, at }], nextCursor }`. */
  export: action({
    access: 'admin',
    input: z.strictObject({
      contestId: idSchema,
      cursor: z.string().regex(EXPORT_CURSOR, 'cursor 格式不正确').optional(),
      limit: z.number().int().min(1).max(1000).default(500),
    }),
    async run({ contestId, cursor, limit }, { caller }) {
      return exportVotes(contestId, cursor, limit, caller.openid as string);
    },
  }),
};
