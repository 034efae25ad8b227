import {
  AppError, reportCommentInput, ensure, recommendationId, secondmentRecommendInput, secondmentReportInput, secondmentWishesInput,
  type BatchDoc, type RecommendationDoc, type SecondmentReportDoc, type Street,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, boundSecretaryId, type ActionContext } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { BATCHES, RECOMMENDATIONS, REPORTS, loadBatch } from './batches';
import { checkReportText } from './content';
import { actor, isAdmin, newId, personOf } from './people';

/**
 * Who recommends for a street: an admin on the street's behalf (the street's Party working committee usually
 * decides on paper and the district office enters it), or a secretary bound to a community of that street,
 * who may enter her street's choice herself. A secretary can never act for another street.
 */
function mayActForStreet(ctx: ActionContext, street: Street): void {
  if (isAdmin(ctx)) return;
  ensure(ctx.profile?.street === street, 'permission-denied', '只能为本街道推荐或填写意向');
}

const isDuplicate = (err: unknown): boolean => /duplicate/i.test(String((err as Error)?.message ?? err));

const reportView = (r: SecondmentReportDoc) => ({ _id: r._id, period: r.period, text: r.text, filedAt: r.filedAt, comment: r.comment });

export const participationActions = {
  /**
   * A street's one recommendation. Its `_id` is derived from batch and street and it is created with `add`,
   * which refuses an existing `_id`: of concurrent submissions for a street exactly one is stored, the
   * others are told the street already recommended (no read-then-write window).
   */
  recommend: action({
    access: ['admin', 'secretary'],
    input: secondmentRecommendInput,
    async run({ batchId, street, secretaryId, reason, wishes }, ctx) {
      mayActForStreet(ctx, street);
      const batch = await loadBatch(batchId);
      ensure(batch.streets.includes(street), 'failed-precondition', `${street}街道不在本批次中`);
      ensure(batch.status === 'recommending', 'failed-precondition', '本批次已停止推荐');
      const person = await personOf(secretaryId);
      ensure(person.street === street, 'invalid-argument', '只能推荐本街道的社区书记');
      const doc: RecommendationDoc = { _id: recommendationId(batchId, street), batchId, street, secretaryId, name: person.name, community: person.community, reason, wishes, mentor: null, wishRank: null, createdAt: ctx.now, updatedAt: ctx.now };
      try {
        await inTransaction(async (t) => {
          checked(await t.collection(RECOMMENDATIONS).add({ data: doc }));
          await auditIn(t, { actor: actor(ctx), action: 'talent.recommend', target: `${RECOMMENDATIONS}/${doc._id}`, before: null, after: { batchId, street, secretaryId, reason, wishes } });
        });
      } catch (err) {
        if (isDuplicate(err)) throw new AppError('already-exists', `${street}街道已推荐过本批次的挂职书记`);
        throw err;
      }
      return doc;
    },
  }),
  /** The wished host communities of a street's recommended secretary; they can change until pairing. */
  setWishes: action({
    access: ['admin', 'secretary'],
    input: secondmentWishesInput,
    async run({ batchId, street, wishes }, ctx) {
      mayActForStreet(ctx, street);
      const id = recommendationId(batchId, street);
      return inTransaction(async (t) => {
        const [batch, rec] = await Promise.all([readInTransaction<BatchDoc>(t, BATCHES, batchId), readInTransaction<RecommendationDoc>(t, RECOMMENDATIONS, id)]);
        ensure(batch && rec, 'not-found', '该街道尚未推荐挂职书记');
        ensure(batch.status === 'recommending', 'failed-precondition', '结对已完成，意向不能再修改');
        // Pairing writes every recommendation of the batch, so a change racing it conflicts and re-runs.
        checked(await t.collection(RECOMMENDATIONS).doc(id).update({ data: { wishes, updatedAt: ctx.now } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.setWishes', target: `${RECOMMENDATIONS}/${id}`, before: { wishes: rec.wishes }, after: { wishes } });
        return { ...rec, wishes };
      });
    },
  }),
  /** The seconded secretary: a periodic report, while the batch runs (after the kickoff meeting). */
  fileReport: action({
    access: 'secretary',
    input: secondmentReportInput,
    async run({ batchId, period, text }, ctx) {
      const me = boundSecretaryId(ctx);
      const [batch, found] = await Promise.all([loadBatch(batchId), db.collection(RECOMMENDATIONS).where({ batchId, secretaryId: me }).limit(1).get()]);
      const rec = found.data[0] as RecommendationDoc | undefined;
      ensure(rec, 'permission-denied', '您不是本批次的挂职书记');
      ensure(batch.status === 'running' && rec.mentor, 'failed-precondition', batch.status === 'closed' ? '该批次已结束' : '动员会召开后才能提交报告');
      await checkReportText(ctx.caller.openid as string, `${period}\n${text}`);
      const doc: SecondmentReportDoc = { _id: newId('report'), recommendationId: rec._id, batchId, secretaryId: me, mentorId: rec.mentor.secretaryId, period, text, filedAt: ctx.now, comment: null };
      await db.collection(REPORTS).add({ data: doc });
      return reportView(doc);
    },
  }),
  /** The mentor: a comment on a report of the secretary she mentors (a later comment replaces hers). */
  commentReport: action({
    access: 'secretary',
    input: reportCommentInput,
    async run({ reportId, text }, ctx) {
      const me = boundSecretaryId(ctx);
      const report = await readDoc<SecondmentReportDoc>(REPORTS, reportId);
      ensure(report, 'not-found', '找不到该报告');
      ensure(report.mentorId === me, 'permission-denied', '只有带教书记可以点评');
      const batch = await loadBatch(report.batchId);
      ensure(batch.status !== 'closed', 'failed-precondition', '该批次已结束');
      await checkReportText(ctx.caller.openid as string, text);
      const comment = { text, at: ctx.now };
      await db.collection(REPORTS).doc(reportId).update({ data: { comment } });
      return reportView({ ...report, comment });
    },
  }),
  /**
   * A secretary's street in the batches now taking recommendations: whether it has recommended, and the
   * street's secretaries (public facts only) to choose from, for the 挂职结对 page's 本街道推荐.
   */
  streetBatches: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      const street = ctx.profile?.street as Street | undefined;
      if (!street) return { street: null, items: [], secretaries: [] };
      const open = await readAll<BatchDoc>(BATCHES, { status: 'recommending', streets: street }, { orderBy: ['openedAt', 'desc'] });
      if (open.length === 0) return { street, items: [], secretaries: [] };
      const [recs, people] = await Promise.all([
        Promise.all(open.map((b) => readDoc<RecommendationDoc>(RECOMMENDATIONS, recommendationId(b._id, street), { name: true, community: true, wishes: true }))),
        readAll<{ _id: string; name: string; community: string }>('secretaries', { street }, { field: { name: true, community: true } }),
      ]);
      const items = open.map((b, i) => ({ batchId: b._id, title: b.title, recommended: recs[i] ? { name: recs[i].name, community: recs[i].community, wishes: recs[i].wishes } : null }));
      return { street, items, secretaries: people.map((p) => ({ secretaryId: p._id, name: p.name, community: p.community })) };
    },
  }),
  /** A secretary's pairings: where she was seconded (her mentor) and where she mentors, with the reports. */
  myPairings: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      const me = ctx.profile?.secretaryId;
      if (!me) return { items: [] };
      const [asSeconded, asMentor] = await Promise.all([readAll<RecommendationDoc>(RECOMMENDATIONS, { secretaryId: me }), readAll<RecommendationDoc>(RECOMMENDATIONS, { 'mentor.secretaryId': me })]);
      const recs = [...asSeconded, ...asMentor];
      if (recs.length === 0) return { items: [] };
      const ids = recs.map((r) => r._id);
      const [batches, reports] = await Promise.all([
        readAll<BatchDoc>(BATCHES, { _id: _.in([...new Set(recs.map((r) => r.batchId))]) }),
        readAll<SecondmentReportDoc>(REPORTS, { recommendationId: _.in(ids) }, { orderBy: ['filedAt', 'asc'] }),
      ]);
      const batchOf = new Map(batches.map((b) => [b._id, b]));
      const items = recs
        .filter((r) => batchOf.has(r.batchId))
        .map((r) => {
          const b = batchOf.get(r.batchId)!;
          return {
            recommendationId: r._id,
            role: r.secretaryId === me ? ('seconded' as const) : ('mentor' as const),
            batch: { _id: b._id, title: b.title, status: b.status, kickoff: b.kickoff, summaryMeeting: b.summaryMeeting, summary: b.summary, openedAt: b.openedAt },
            seconded: { name: r.name, community: r.community, street: r.street },
            mentor: r.mentor ? { name: r.mentor.name, community: r.mentor.community, street: r.mentor.street } : null,
            wishes: r.wishes,
            wishRank: r.wishRank,
            reports: reports.filter((p) => p.recommendationId === r._id).map(reportView),
          };
        })
        .sort((a, b) => new Date(b.batch.openedAt).getTime() - new Date(a.batch.openedAt).getTime());
      return { items };
    },
  }),
};
