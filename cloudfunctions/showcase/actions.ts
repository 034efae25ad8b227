import { DIMENSION_KEYS, idSchema } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { normaliseContent, showcaseContentSchema } from './content';
import { myShowcase, pendingList, review, saveDraft, submitForReview } from './editing';
import { poster } from './poster';
import { feed, getPublished } from './public';

const pageNumber = z.coerce.number().int().min(1).max(1000);

export const showcaseActions: ActionMap = {
  /** Published showcases as cards, filtered and paged: `{ items, page, pageSize, hasMore, nextPage }`. */
  feed: action({
    access: 'public',
    input: z.strictObject({
      street: z.string().trim().max(20).optional(),
      tag: z.enum(DIMENSION_KEYS).optional(),
      q: z.string().trim().max(30).optional(),
      page: pageNumber.optional(),
      /** Same as `page`, for clients that page by an opaque cursor: pass back `nextPage`. */
      cursor: pageNumber.optional(),
      pageSize: z.coerce.number().int().min(1).max(50).optional(),
    }),
    async run(input) {
      return feed({
        street: input.street || undefined,
        tag: input.tag,
        // Control characters (pasted text) mean nothing in a name search, and a NUL cannot go into a regex.
        q: input.q?.replace(/\p{Cc}/gu, '').trim() || undefined,
        page: input.page ?? input.cursor ?? 1,
        pageSize: input.pageSize ?? 10,
      });
    },
  }),
  /** One published showcase with the contests its secretary is in; never the draft. */
  get: action({
    access: 'public',
    input: z
      .strictObject({ secretaryId: idSchema.optional(), showcaseId: idSchema.optional() })
      .refine((v) => Boolean(v.secretaryId) !== Boolean(v.showcaseId), '请提供 secretaryId 或 showcaseId 其中之一'),
    async run(input, { now }) {
      return getPublished(input, now);
    },
  }),
  /** The caller's own showcase: draft, published and review status. */
  myShowcase: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      return myShowcase(ctx);
    },
  }),
  /** Saves the caller's draft (text checked by msgSecCheck first; risky → invalid-argument, nothing stored). */
  saveDraft: action({
    access: 'secretary',
    input: showcaseContentSchema,
    async run(input, ctx) {
      return saveDraft(normaliseContent(input), ctx);
    },
  }),
  submitForReview: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      return submitForReview(ctx);
    },
  }),
  pendingList: action({
    access: 'admin',
    input: z.strictObject({}),
    async run() {
      return pendingList();
    },
  }),
  /** Approve (draft → published) or reject with a reason; audited. */
  review: action({
    access: 'admin',
    input: z
      .strictObject({ showcaseId: idSchema, decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(200).optional() })
      .refine((v) => v.decision === 'approve' || Boolean(v.reason), { message: '驳回时请填写原因', path: ['reason'] }),
    async run(input, ctx) {
      return review(input, ctx);
    },
  }),
  /** The poster's mini-program code: `{ fileID, tempFileURL, scene }`, cached per scene. */
  poster: action({
    access: 'resident',
    input: z.strictObject({ secretaryId: idSchema }),
    async run({ secretaryId }) {
      return poster(secretaryId);
    },
  }),
};
