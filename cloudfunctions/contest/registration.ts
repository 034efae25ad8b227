import {
  ensure, idSchema, inChina, isRegistrationOpen, registrationId, registrationMaterialsSchema, REGISTRATION_STATUS_LABELS,
  type ContestDoc, type RegistrationDoc, type RegistrationMaterials, type SecretaryDoc,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, boundSecretaryId, type ActionContext, type ActionMap } from '../shared/action';
import { _, db, readDoc } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { tempUrls } from '../shared/storage';
import { checkMaterialPhotos, checkMaterialsText } from './registration-checks';

/**
 * Registration (secretary): register for a contest whose registration window is open, with materials checked
 * by WeChat content security; withdraw while the window is open; one registration per secretary and contest
 * (deterministic id `reg-<contest>-<secretary>` + the unique index contest_secretary). A judge of the contest
 * cannot register in it (and `user.redeemCode` refuses the reverse).
 */

/** The registration of a secretary in a contest, whatever its id (demo data may use older ids). */
export async function findRegistration(contestId: string, secretaryId: string): Promise<RegistrationDoc | undefined> {
  const res = await db.collection('candidates').where({ contestId, secretaryId }).limit(1).get();
  return res.data[0] as RegistrationDoc | undefined;
}

function windowMessage(contest: ContestDoc, now: Date): string {
  const w = contest.registration;
  if (!w) return '本次比武不接受报名';
  const fmt = (d: Date | string) => inChina(d).format('M月D日 HH:mm');
  return now.getTime() < new Date(w.start).getTime() ? `报名将于 ${fmt(w.start)} 开始` : `报名已于 ${fmt(w.end)} 截止`;
}

export function ensureRegistrationOpen(contest: ContestDoc, now: Date): void {
  ensure(isRegistrationOpen(contest.registration, now), 'failed-precondition', windowMessage(contest, now));
}

/** What the secretary (and the admin) see of a registration: never the OpenID. */
export function registrationView(doc: RegistrationDoc, photoUrls: Map<string, string> = new Map()) {
  const materials = doc.materials ?? { summary: '', projectTitle: '', projectDescription: '', photoFileIds: [] };
  return {
    _id: doc._id,
    contestId: doc.contestId,
    secretaryId: doc.secretaryId,
    name: doc.name,
    community: doc.community,
    street: doc.street,
    status: doc.status,
    statusLabel: REGISTRATION_STATUS_LABELS[doc.status],
    rejectReason: doc.status === 'rejected' ? doc.rejectReason ?? '' : null,
    materials,
    photos: materials.photoFileIds.map((fileID) => ({ fileID, url: photoUrls.get(fileID) ?? null })),
    notifyResult: doc.notifyResult ?? false,
    submittedAt: doc.submittedAt ?? doc.createdAt,
    reviewedAt: doc.reviewedAt ?? null,
  };
}

export type RegistrationView = ReturnType<typeof registrationView>;

/** The contests whose registration is open now, as a secretary chooses among them. */
async function openContests(now: Date) {
  const contests = await readAll<ContestDoc>('contests', {}, { orderBy: ['year', 'desc'] });
  return contests
    .filter((c) => isRegistrationOpen(c.registration, now))
    .map((c) => ({ _id: c._id, title: c.title, year: c.year, theme: c.theme, registrationStart: c.registration?.start, registrationEnd: c.registration?.end }));
}

async function myRegistrations(ctx: ActionContext) {
  const secretaryId = boundSecretaryId(ctx);
  const [open, mine] = await Promise.all([openContests(ctx.now), readAll<RegistrationDoc>('candidates', { secretaryId })]);
  const contests = mine.length ? await readAll<ContestDoc>('contests', { _id: _.in([...new Set(mine.map((r) => r.contestId))]) }) : [];
  const byId = new Map(contests.map((c) => [c._id, c]));
  const urls = await tempUrls(mine.flatMap((r) => r.materials?.photoFileIds ?? []));
  const items = mine
    .map((r) => {
      const c = byId.get(r.contestId);
      return { ...registrationView(r, urls), contestTitle: c?.title ?? '', year: c?.year ?? 0, registrationOpen: c ? isRegistrationOpen(c.registration, ctx.now) : false };
    })
    .sort((a, b) => b.year - a.year || a.contestId.localeCompare(b.contestId));
  return { secretaryId, open, items };
}

const ALREADY = '您已报名本次比武，请勿重复报名';
const IS_JUDGE = '您是本次比武的评委，不能报名参赛';

/** Whether `openid` judges `contestId`, and the registration that counts, read before anything slow happens. */
async function precheck(contestId: string, secretaryId: string, openid: string): Promise<RegistrationDoc | undefined> {
  const judging = await db.collection('judgeAssignments').where({ contestId, openid }).limit(1).get();
  ensure(judging.data.length === 0, 'failed-precondition', IS_JUDGE);
  const existing = await findRegistration(contestId, secretaryId);
  ensure(!existing || existing.status === 'rejected' || existing.status === 'withdrawn', 'already-exists', ALREADY);
  return existing;
}

async function register(input: RegistrationMaterials & { contestId: string; notifyResult: boolean }, ctx: ActionContext) {
  const secretaryId = boundSecretaryId(ctx);
  const openid = ctx.caller.openid as string;
  const { contestId, notifyResult, ...materials } = input;
  const contest = await loadContest(contestId);
  ensureRegistrationOpen(contest, ctx.now);
  await precheck(contestId, secretaryId, openid);
  await checkMaterialsText(openid, materials);
  await checkMaterialPhotos(materials.photoFileIds, contestId, secretaryId, openid, ctx.now);
  const sec = await readDoc<SecretaryDoc>('secretaries', secretaryId);
  ensure(sec, 'not-found', '找不到您的书记档案');
  const fields = {
    name: sec.name,
    community: sec.community,
    street: sec.street,
    status: 'pending' as const,
    materials,
    openid,
    notifyResult,
    notifiedAt: null,
    submittedAt: ctx.now,
    reviewedAt: null,
    withdrawnAt: null,
    updatedAt: ctx.now,
  };
  /*
   * The write is one transaction with a write to her user document, as every judge assignment (user.redeemCode)
   * also writes it: a judge invitation redeemed meanwhile makes one of the two conflict and re-run, and the
   * re-run sees the other (the checks read outside the transaction, where() being refused inside, after its
   * snapshot began). Two submits at once both write the same registration document: one conflicts, re-runs and
   * finds the registration.
   */
  return inTransaction(async (t) => {
    checked(await t.collection('users').doc(openid).get());
    const existing = await precheck(contestId, secretaryId, openid);
    let doc: RegistrationDoc;
    if (existing) {
      // Registering again after a rejection or a withdrawal: the same document, from the state it is in now.
      const current = await readInTransaction<RegistrationDoc>(t, 'candidates', existing._id);
      ensure(current && (current.status === 'rejected' || current.status === 'withdrawn'), 'already-exists', ALREADY);
      checked(await t.collection('candidates').doc(existing._id).update({ data: { ...fields, materials: _.set(materials), rejectReason: _.remove() } }));
      doc = { ...current, ...fields, rejectReason: undefined };
    } else {
      doc = { _id: registrationId(contestId, secretaryId), contestId, secretaryId, ...fields, createdAt: ctx.now };
      const { _id, ...data } = doc;
      checked(await t.collection('candidates').doc(_id).set({ data }));
    }
    checked(await t.collection('users').doc(openid).update({ data: { registeredAt: ctx.now } }));
    return registrationView(doc);
  });
}

async function withdraw(contestId: string, ctx: ActionContext) {
  const secretaryId = boundSecretaryId(ctx);
  const contest = await loadContest(contestId);
  const existing = await findRegistration(contestId, secretaryId);
  ensure(existing && existing.status !== 'withdrawn' && existing.status !== 'rejected', 'not-found', '您没有可撤回的报名');
  ensure(isRegistrationOpen(contest.registration, ctx.now), 'failed-precondition', '报名已截止，不能撤回；如有特殊情况请联系区委组织部');
  const res = await db.collection('candidates').where({ _id: existing._id, status: existing.status }).update({ data: { status: 'withdrawn', withdrawnAt: ctx.now, updatedAt: ctx.now } });
  ensure(res.stats.updated === 1, 'failed-precondition', '报名状态已变化，请刷新后再试');
  return registrationView({ ...existing, status: 'withdrawn', withdrawnAt: ctx.now, updatedAt: ctx.now });
}

export const registrationActions: ActionMap = {
  /** The contests open for registration now, and the caller's registrations with their status. */
  myRegistrations: action({
    access: 'secretary',
    input: z.strictObject({}),
    async run(_input, ctx) {
      return myRegistrations(ctx);
    },
  }),
  /** Registers the caller (pending review); text and photos go through WeChat content security first. */
  register: action({
    access: 'secretary',
    input: registrationMaterialsSchema.extend({ contestId: idSchema, notifyResult: z.boolean().default(false) }),
    async run(input, ctx) {
      return register(input, ctx);
    },
  }),
  /** Withdraws the caller's pending or approved registration while registration is open. */
  withdrawRegistration: action({
    access: 'secretary',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, ctx) {
      return withdraw(contestId, ctx);
    },
  }),
};
