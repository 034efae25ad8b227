import {
  closeBatchInput, ensure, idSchema, batchMeetingInput, openBatchInput, batchPairInput, proposePairing, recommendationId,
  type BatchDoc, type RecommendationDoc, type SecondmentReportDoc,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action } from '../shared/action';
import { auditIn } from '../shared/audit';
import { readDoc } from '../shared/cloud';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { actor, allPeople, newId } from './people';

export const BATCHES = 'secondmentBatches';
export const RECOMMENDATIONS = 'secondmentRecommendations';
export const REPORTS = 'secondmentReports';

export async function loadBatch(batchId: string): Promise<BatchDoc> {
  const b = await readDoc<BatchDoc>(BATCHES, batchId);
  ensure(b, 'not-found', '找不到该挂职批次');
  return b;
}

/** The batch's recommendations, read by their deterministic ids (so this works inside a transaction too). */
async function recommendationsIn(t: Parameters<Parameters<typeof inTransaction>[0]>[0], batch: BatchDoc): Promise<(RecommendationDoc | undefined)[]> {
  return Promise.all(batch.streets.map((s) => readInTransaction<RecommendationDoc>(t, RECOMMENDATIONS, recommendationId(batch._id, s))));
}

const batchSummary = (b: BatchDoc) => ({ _id: b._id, title: b.title, status: b.status, streets: b.streets, kickoff: b.kickoff, summaryMeeting: b.summaryMeeting, summary: b.summary, openedAt: b.openedAt, closedAt: b.closedAt });

export const batchActions = {
  /** Admin: open a batch for the streets taking part; each then recommends one secretary. */
  openBatch: action({
    access: 'admin',
    input: openBatchInput,
    async run({ title, streets }, ctx) {
      const doc: BatchDoc = { _id: newId('batch'), title, streets, status: 'recommending', kickoff: null, summaryMeeting: null, summary: null, openedAt: ctx.now, closedAt: null };
      await inTransaction(async (t) => {
        checked(await t.collection(BATCHES).add({ data: doc }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.openBatch', target: `${BATCHES}/${doc._id}`, before: null, after: { title, streets } });
      });
      return batchSummary(doc);
    },
  }),
  /** Admin and secretaries (a secretary recommends for her own street): the batches, newest first. */
  batches: action({
    access: ['admin', 'secretary'],
    input: z.strictObject({}),
    async run() {
      const all = await readAll<BatchDoc>(BATCHES, {}, { orderBy: ['openedAt', 'desc'] });
      return { items: all.map(batchSummary) };
    },
  }),
  /** Admin: one batch with its recommendations (wishes, mentors) and how many reports each pair filed. */
  batch: action({
    access: 'admin',
    input: z.strictObject({ batchId: idSchema }),
    async run({ batchId }) {
      const batch = await loadBatch(batchId);
      const [recs, reports] = await Promise.all([
        readAll<RecommendationDoc>(RECOMMENDATIONS, { batchId }),
        readAll<SecondmentReportDoc>(REPORTS, { batchId }, { orderBy: ['filedAt', 'asc'] }),
      ]);
      const byStreet = new Map(recs.map((r) => [r.street, r]));
      const streets = batch.streets.map((street) => {
        const r = byStreet.get(street);
        return { street, recommendation: r ? { ...r, reports: reports.filter((p) => p.recommendationId === r._id) } : null };
      });
      return { ...batchSummary(batch), streets, missing: streets.filter((s) => !s.recommendation).map((s) => s.street) };
    },
  }),
  /** Admin: the pairing proposal (writes nothing): wishes honoured where possible, with reasons where not. */
  proposePairing: action({
    access: 'admin',
    input: z.strictObject({ batchId: idSchema }),
    async run({ batchId }) {
      const batch = await loadBatch(batchId);
      const [recs, people] = await Promise.all([readAll<RecommendationDoc>(RECOMMENDATIONS, { batchId }), allPeople()]);
      ensure(recs.length === batch.streets.length, 'failed-precondition', `还有 ${batch.streets.length - recs.length} 个街道未推荐，收齐后才能结对`);
      const seconded = new Set(recs.map((r) => r.secretaryId));
      const order = new Map(batch.streets.map((s, i) => [s, i]));
      const rows = [...recs].sort((a, b) => (order.get(a.street) ?? 0) - (order.get(b.street) ?? 0));
      return proposePairing(rows, people.filter((p) => !seconded.has(p.secretaryId)));
    },
  }),
  /** Admin: fix the pairs (all streets at once); possible until the kickoff meeting. */
  pair: action({
    access: 'admin',
    input: batchPairInput,
    async run({ batchId, pairs }, ctx) {
      const mentorIds = pairs.map((p) => p.mentorId);
      ensure(new Set(mentorIds).size === mentorIds.length, 'invalid-argument', '每位带教书记只能带一名挂职书记');
      ensure(new Set(pairs.map((p) => p.street)).size === pairs.length, 'invalid-argument', '街道重复');
      const people = new Map((await allPeople()).map((p) => [p.secretaryId, p]));
      return inTransaction(async (t) => {
        const batch = await readInTransaction<BatchDoc>(t, BATCHES, batchId);
        ensure(batch, 'not-found', '找不到该挂职批次');
        ensure(batch.status === 'recommending' || batch.status === 'paired', 'failed-precondition', '动员会已召开，结对不能再调整');
        ensure(pairs.length === batch.streets.length && pairs.every((p) => batch.streets.includes(p.street)), 'invalid-argument', '请为本批次每个街道的挂职书记各安排一名带教书记');
        const recs = await recommendationsIn(t, batch);
        const missing = batch.streets.filter((_s, i) => !recs[i]);
        ensure(missing.length === 0, 'failed-precondition', `${missing.join('、')}街道尚未推荐，收齐后才能结对`, { missing });
        const seconded = new Set(recs.map((r) => r!.secretaryId));
        const written = [];
        for (const rec of recs as RecommendationDoc[]) {
          const mentorId = pairs.find((p) => p.street === rec.street)!.mentorId;
          const mentor = people.get(mentorId);
          ensure(mentor, 'not-found', `找不到带教书记 ${mentorId}`);
          ensure(!seconded.has(mentorId), 'invalid-argument', `${mentor.name}本批次在挂职，不能同时带教`);
          ensure(mentor.community !== rec.community, 'invalid-argument', `${rec.name}不能到本社区挂职`);
          const wishRank = rec.wishes.indexOf(mentor.community);
          checked(await t.collection(RECOMMENDATIONS).doc(rec._id).update({ data: { mentor, wishRank: wishRank >= 0 ? wishRank : null, updatedAt: ctx.now } }));
          written.push({ street: rec.street, secretaryId: rec.secretaryId, mentorId, wishRank: wishRank >= 0 ? wishRank : null });
        }
        checked(await t.collection(BATCHES).doc(batchId).update({ data: { status: 'paired' } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.pair', target: `${BATCHES}/${batchId}`, before: { status: batch.status }, after: { pairs: written } });
        return { batchId, status: 'paired' as const, pairs: written };
      });
    },
  }),
  /** Admin: the kickoff (动员会, after pairing) or summary (总结座谈会, while running) meeting. */
  recordMeeting: action({
    access: 'admin',
    input: batchMeetingInput,
    async run({ batchId, kind, ...meeting }, ctx) {
      return inTransaction(async (t) => {
        const batch = await readInTransaction<BatchDoc>(t, BATCHES, batchId);
        ensure(batch, 'not-found', '找不到该挂职批次');
        if (kind === 'kickoff') ensure(batch.status === 'paired', 'failed-precondition', batch.status === 'recommending' ? '请先完成结对再召开动员会' : '动员会已记录');
        else ensure(batch.status === 'running', 'failed-precondition', batch.status === 'closed' ? '该批次已结束' : '请先召开动员会');
        const data = kind === 'kickoff' ? { kickoff: meeting, status: 'running' } : { summaryMeeting: meeting };
        checked(await t.collection(BATCHES).doc(batchId).update({ data }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.recordMeeting', target: `${BATCHES}/${batchId}`, before: { status: batch.status }, after: { kind, ...meeting } });
        return batchSummary({ ...batch, ...(data as Partial<BatchDoc>) });
      });
    },
  }),
  /** Admin: close the batch with its summary, after the summary meeting. */
  closeBatch: action({
    access: 'admin',
    input: closeBatchInput,
    async run({ batchId, summary }, ctx) {
      return inTransaction(async (t) => {
        const batch = await readInTransaction<BatchDoc>(t, BATCHES, batchId);
        ensure(batch, 'not-found', '找不到该挂职批次');
        ensure(batch.status === 'running' && batch.summaryMeeting, 'failed-precondition', batch.status === 'closed' ? '该批次已结束' : '请先召开总结座谈会');
        checked(await t.collection(BATCHES).doc(batchId).update({ data: { status: 'closed', summary, closedAt: ctx.now } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.closeBatch', target: `${BATCHES}/${batchId}`, before: { status: batch.status }, after: { status: 'closed', summary } });
        return batchSummary({ ...batch, status: 'closed', summary, closedAt: ctx.now });
      });
    },
  }),
};
