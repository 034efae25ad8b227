import { addReserveInput, ensure, reserveMoveInput, rankForVacancy, RESERVE_STAGES, STREETS, reserveVacancyInput, type ReserveDoc, type StageChange } from '@yanzhen/domain';
import { z } from 'zod';
import { action } from '../shared/action';
import { auditIn } from '../shared/audit';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { actor, newId } from './people';

export const RESERVES = 'talentReserves';

/** What admin views show of a reserve; the history is the point of the pipeline, so it goes along. */
const view = (r: ReserveDoc) => ({ _id: r._id, name: r.name, street: r.street, community: r.community, source: r.source, stage: r.stage, stageSince: r.stageSince, note: r.note, history: r.history });

export const reserveActions = {
  /** Admin: a new reserve (雏雁 by default), found among social workers, grid workers, …. */
  addReserve: action({
    access: 'admin',
    input: addReserveInput,
    async run({ date, ...input }, ctx) {
      const first: StageChange = { from: null, to: input.stage, reason: '纳入后备力量', date, at: ctx.now };
      const doc: Omit<ReserveDoc, '_id'> = { ...input, stageSince: date, history: [first], createdAt: ctx.now, updatedAt: ctx.now };
      const id = await inTransaction(async (t) => {
        const _id = newId('rsv');
        checked(await t.collection(RESERVES).add({ data: { _id, ...doc } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.addReserve', target: `${RESERVES}/${_id}`, before: null, after: { name: doc.name, street: doc.street, stage: doc.stage } });
        return _id;
      });
      return view({ _id: id, ...doc });
    },
  }),
  /** Admin: move a reserve to another stage; the change, its reason and its day join the history. */
  moveStage: action({
    access: 'admin',
    input: reserveMoveInput,
    async run({ reserveId, to, reason, date }, ctx) {
      return inTransaction(async (t) => {
        const r = await readInTransaction<ReserveDoc>(t, RESERVES, reserveId);
        ensure(r, 'not-found', '找不到该后备人选');
        ensure(r.stage !== to, 'failed-precondition', `该后备人选已是${to}`);
        const change: StageChange = { from: r.stage, to, reason, date, at: ctx.now };
        // The whole history is written (read in this transaction): two moves at once conflict and one re-runs.
        const history = [...r.history, change];
        checked(await t.collection(RESERVES).doc(reserveId).update({ data: { stage: to, stageSince: date, history, updatedAt: ctx.now } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.moveStage', target: `${RESERVES}/${reserveId}`, before: { stage: r.stage }, after: { stage: to, reason, date } });
        return view({ ...r, stage: to, stageSince: date, history });
      });
    },
  }),
  /** Admin: the pipeline of one street by stage, with every street's counts for the overview. */
  pipeline: action({
    access: 'admin',
    input: z.strictObject({ street: z.enum(STREETS).optional() }),
    async run({ street }) {
      const all = await readAll<ReserveDoc>(RESERVES, {}, { field: { history: false } });
      const counts = STREETS.map((s) => ({ street: s, ...Object.fromEntries(RESERVE_STAGES.map((st) => [st, all.filter((r) => r.street === s && r.stage === st).length])) }));
      const chosen = street ? await readAll<ReserveDoc>(RESERVES, { street }) : [];
      const stages = RESERVE_STAGES.map((stage) => ({ stage, items: chosen.filter((r) => r.stage === stage).map(view) }));
      return { street: street ?? null, stages, counts, total: all.length };
    },
  }),
  /** Admin: who to consider when a post of `street` falls vacant: that street's reserves first. */
  proposeForVacancy: action({
    access: 'admin',
    input: reserveVacancyInput,
    async run({ street, post }) {
      const all = await readAll<ReserveDoc>(RESERVES, {}, { field: { history: false } });
      const ranked = rankForVacancy(all, street).map((r, i) => ({ rank: i + 1, _id: r._id, name: r.name, street: r.street, community: r.community, stage: r.stage, stageSince: r.stageSince, source: r.source, sameStreet: r.sameStreet }));
      const own = ranked.filter((r) => r.sameStreet).length;
      return { street, post, ownStreetCount: own, candidates: ranked.slice(0, Math.max(own, 0) + 10) };
    },
  }),
};
