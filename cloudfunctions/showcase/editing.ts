import { AppError, ensure, type SecretaryDoc, type ShowcaseContent } from '@yanzhen/domain';
import { appendAudit } from '../shared/audit';
import type { ActionContext } from '../shared/action';
import { _, db } from '../shared/cloud';
import { checkTextSafe, type ShowcaseRecord } from './content';

/**
 * The editing workflow: a bound secretary saves a draft of their own showcase and submits it; an admin
 * approves (draft → published) or rejects with a reason. The public reads never look at `draft`.
 */

function ownSecretaryId(ctx: ActionContext): string {
  const secretaryId = ctx.profile?.secretaryId;
  ensure(secretaryId, 'permission-denied', '您还没有绑定书记档案');
  return secretaryId;
}

async function findBySecretary(secretaryId: string): Promise<ShowcaseRecord | undefined> {
  const res = await db.collection('showcases').where({ secretaryId }).limit(1).get();
  return res.data[0] as ShowcaseRecord | undefined;
}

async function findById(showcaseId: string): Promise<ShowcaseRecord> {
  const res = await db.collection('showcases').where({ _id: showcaseId }).limit(1).get();
  const doc = res.data[0] as ShowcaseRecord | undefined;
  ensure(doc, 'not-found', '找不到该风采展');
  return doc;
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
  const secretaryId = ownSecretaryId(ctx);
  const doc = await findBySecretary(secretaryId);
  return { secretaryId, showcase: doc ? ownerView(doc) : null };
}

/** Saves the caller's draft after the content check; a new save withdraws a pending submission. */
export async function saveDraft(content: ShowcaseContent, ctx: ActionContext): Promise<OwnerView> {
  const secretaryId = ownSecretaryId(ctx);
  await checkTextSafe(ctx.caller.openid as string, content);
  const existing = await findBySecretary(secretaryId);
  if (!existing) {
    const sec = (await db.collection('secretaries').where({ _id: secretaryId }).limit(1).get()).data[0] as SecretaryDoc | undefined;
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
  const secretaryId = ownSecretaryId(ctx);
  const doc = await findBySecretary(secretaryId);
  ensure(doc && doc.draft, 'failed-precondition', '请先保存草稿再提交审核');
  if (doc.reviewStatus === 'pending') return ownerView(doc);
  await db.collection('showcases').doc(doc._id).update({ data: { reviewStatus: 'pending', submittedAt: ctx.now, updatedAt: ctx.now } });
  return ownerView({ ...doc, reviewStatus: 'pending', submittedAt: ctx.now, updatedAt: ctx.now });
}

export async function pendingList() {
  const res = await db.collection('showcases').where({ reviewStatus: 'pending' }).orderBy('submittedAt', 'asc').limit(100).get();
  return { items: (res.data as ShowcaseRecord[]).map(ownerView) };
}

export async function review(
  input: { showcaseId: string; decision: 'approve' | 'reject'; reason?: string },
  ctx: ActionContext,
): Promise<OwnerView> {
  const doc = await findById(input.showcaseId);
  ensure(doc.reviewStatus === 'pending' && doc.draft, 'failed-precondition', '该风采展没有待审核的内容');
  const before = { reviewStatus: doc.reviewStatus, published: doc.published, draft: doc.draft };
  const changes =
    input.decision === 'approve'
      ? { published: _.set(doc.draft), draft: null, reviewStatus: 'none', rejectReason: _.remove(), publishedAt: ctx.now }
      : { reviewStatus: 'rejected', rejectReason: input.reason as string };
  // Conditional on the revision that was read: if the secretary saved again meanwhile, nothing changes.
  const res = await db
    .collection('showcases')
    .where({ _id: doc._id, reviewStatus: 'pending', draftRevision: doc.draftRevision ?? _.exists(false) })
    .update({ data: { ...changes, reviewedAt: ctx.now, updatedAt: ctx.now } });
  if (res.stats.updated !== 1) throw new AppError('failed-precondition', '草稿刚刚被修改，请刷新后重新审核');
  const after: ShowcaseRecord =
    input.decision === 'approve'
      ? { ...doc, published: doc.draft, draft: null, reviewStatus: 'none', rejectReason: undefined, publishedAt: ctx.now, updatedAt: ctx.now }
      : { ...doc, reviewStatus: 'rejected', rejectReason: input.reason, updatedAt: ctx.now };
  await appendAudit({
    actor: ctx.caller.openid as string,
    action: 'showcase.review',
    target: `showcases/${doc._id}`,
    before,
    after: { decision: input.decision, reviewStatus: after.reviewStatus, published: after.published, draft: after.draft, rejectReason: after.rejectReason ?? null },
  });
  return ownerView(after);
}
