import { AppError, ensure, type SecretaryDoc, type ShowcaseContent } from '@yanzhen/domain';
import { auditIn } from '../shared/audit';
import { boundSecretaryId, type ActionContext } from '../shared/action';
import { _, db, readDoc } from '../shared/cloud';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { tempUrls } from '../shared/storage';
import { checkTextSafe, type ShowcaseRecord } from './content';
import { verdictsOf } from '../shared/content-security';
import { checkDraftImages, imagesBlockingApproval, imagesOf } from './images';

/**
 * The editing workflow: a bound secretary saves a draft of their own showcase and submits it; an admin
 * approves (draft → published) or rejects with a reason. The public reads never look at `draft`.
 */

async function findBySecretary(secretaryId: string): Promise<ShowcaseRecord | undefined> {
  const res = await db.collection('showcases').where({ secretaryId }).limit(1).get();
  return res.data[0] as ShowcaseRecord | undefined;
}

/** What the owner sees of their showcase (no OpenIDs; the poster cache is internal). */
function ownerView(doc: ShowcaseRecord) {
  return {
    _id: doc._id,
    secretaryId: doc.secretaryId,
    name: doc.name,
    community: doc.community,
    street: doc.street,
    draft: doc.draft,
    published: doc.published,
    reviewStatus: doc.reviewStatus,
    rejectReason: doc.reviewStatus === 'rejected' ? doc.rejectReason ?? '' : null,
    publishedAt: doc.publishedAt ?? null,
    submittedAt: doc.submittedAt ?? null,
    updatedAt: doc.updatedAt,
  };
}

export type OwnerView = ReturnType<typeof ownerView>;

export async function myShowcase(ctx: ActionContext): Promise<{ secretaryId: string; showcase: OwnerView | null }> {
  const secretaryId = boundSecretaryId(ctx);
  const doc = await findBySecretary(secretaryId);
  return { secretaryId, showcase: doc ? ownerView(doc) : null };
}

/** Saves the caller's draft after the content check; a new save withdraws a pending submission. */
export async function saveDraft(content: ShowcaseContent, ctx: ActionContext): Promise<OwnerView> {
  const secretaryId = boundSecretaryId(ctx);
  await checkTextSafe(ctx.caller.openid as string, content);
  await checkDraftImages(content, secretaryId, ctx.caller.openid as string, ctx.now);
  const existing = await findBySecretary(secretaryId);
  if (!existing) {
    const sec = await readDoc<SecretaryDoc>('secretaries', secretaryId);
    ensure(sec, 'not-found', '找不到您的书记档案');
    const created: ShowcaseRecord = {
      _id: `showcase-${secretaryId}`,
      secretaryId,
      name: sec.name,
      community: sec.community,
      street: sec.street,
      featured: false,
      published: null,
      draft: content,
      draftRevision: 1,
      reviewStatus: 'none',
      updatedAt: ctx.now,
    };
    const { _id, ...data } = created;
    await db.collection('showcases').doc(_id).set({ data });
    return ownerView(created);
  }
  await db.collection('showcases').doc(existing._id).update({
    // `_.set` replaces the whole object; a plain object would be merged field by field.
    data: { draft: _.set(content), draftRevision: _.inc(1), reviewStatus: 'none', rejectReason: _.remove(), updatedAt: ctx.now },
  });
  return ownerView({ ...existing, draft: content, reviewStatus: 'none', rejectReason: undefined, updatedAt: ctx.now });
}

export async function submitForReview(ctx: ActionContext): Promise<OwnerView> {
  const secretaryId = boundSecretaryId(ctx);
  const doc = await findBySecretary(secretaryId);
  ensure(doc && doc.draft, 'failed-precondition', '请先保存草稿再提交审核');
  if (doc.reviewStatus === 'pending') return ownerView(doc);
  await db.collection('showcases').doc(doc._id).update({ data: { reviewStatus: 'pending', submittedAt: ctx.now, updatedAt: ctx.now } });
  return ownerView({ ...doc, reviewStatus: 'pending', submittedAt: ctx.now, updatedAt: ctx.now });
}

/** The admin's review queue: each draft with its images (signed for the admin) and their check verdicts. */
export async function pendingList() {
  const docs = await readAll<ShowcaseRecord>('showcases', { reviewStatus: 'pending' }, { orderBy: ['submittedAt', 'asc'] });
  const items = await Promise.all(
    docs.map(async (doc) => {
      const fileIds = imagesOf(doc.draft);
      const [urls, verdicts] = await Promise.all([tempUrls(fileIds), verdictsOf(doc.secretaryId, fileIds)]);
      const images = fileIds.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null, check: verdicts.get(fileID) ?? 'pending' }));
      return { ...ownerView(doc), images };
    }),
  );
  return { items };
}

/**
 * Approve (draft → published) or reject with a reason. The showcase change and its audit entry are one
 * transaction: both or neither. The transaction writes the showcase document it decided on, so a save
 * by the secretary meanwhile makes it conflict and re-run on the new state (then: nothing pending).
 */
export async function review(
  input: { showcaseId: string; decision: 'approve' | 'reject'; reason?: string },
  ctx: ActionContext,
): Promise<OwnerView> {
  return inTransaction(async (t) => {
    const doc = await readInTransaction<ShowcaseRecord>(t, 'showcases', input.showcaseId);
    ensure(doc, 'not-found', '找不到该风采展');
    const draft = doc.draft;
    ensure(doc.reviewStatus === 'pending' && draft, 'failed-precondition', '该风采展没有待审核的内容');
    if (input.decision === 'approve') {
      const blocked = await imagesBlockingApproval(draft, doc.secretaryId);
      if (blocked) throw new AppError('failed-precondition', blocked);
    }
    const before = { reviewStatus: doc.reviewStatus, published: doc.published, draft };
    const changes =
      input.decision === 'approve'
        ? { published: _.set(draft), draft: null, reviewStatus: 'none', rejectReason: _.remove(), publishedAt: ctx.now }
        : { reviewStatus: 'rejected', rejectReason: input.reason as string };
    checked(await t.collection('showcases').doc(doc._id).update({ data: { ...changes, reviewedAt: ctx.now, updatedAt: ctx.now } }));
    const after: ShowcaseRecord =
      input.decision === 'approve'
        ? { ...doc, published: draft, draft: null, reviewStatus: 'none', rejectReason: undefined, publishedAt: ctx.now, updatedAt: ctx.now }
        : { ...doc, reviewStatus: 'rejected', rejectReason: input.reason, updatedAt: ctx.now };
    await auditIn(t, {
      actor: ctx.caller.openid as string,
      action: 'showcase.review',
      target: `showcases/${doc._id}`,
      before,
      after: { decision: input.decision, reviewStatus: after.reviewStatus, published: after.published, draft: after.draft, rejectReason: after.rejectReason ?? null },
    });
    return ownerView(after);
  });
}
