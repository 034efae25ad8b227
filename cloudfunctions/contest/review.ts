import {
  AppError, ensure, idSchema, isRegistrationOpen, registrationFilterSchema, rejectReasonSchema, REGISTRATION_STATUSES,
  type RegistrationDoc, type RegistrationStatus,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionContext, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { loadContest } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { tempUrls } from '../shared/storage';
import { verdictsOf } from '../shared/content-security';
import { photosBlockingApproval } from './registration-checks';
import { exportRegistrations } from './registration-export';
import { sendResultMessage } from './registration-notify';
import { registrationView } from './registration';

/**
 * Review (admin): the registrations of a contest with filters, approve / reject with a reason (one by one or
 * in bulk), each decision and its audit entry in one transaction; the secretary's one-time result message
 * goes out after the commit. An approval waits for every photo's content check to have passed.
 */

type Filter = z.infer<typeof registrationFilterSchema>;

async function registrationsOf(contestId: string, filter: Filter): Promise<RegistrationDoc[]> {
  const where: Record<string, unknown> = { contestId };
  if (filter.status) where.status = filter.status;
  if (filter.street) where.street = filter.street;
  const regs = await readAll<RegistrationDoc>('candidates', where);
  // Pending first (the work to do), then by street and name, as the district office reads its lists.
  const order = (s: RegistrationStatus) => REGISTRATION_STATUSES.indexOf(s);
  return regs.sort((a, b) => order(a.status) - order(b.status) || a.street.localeCompare(b.street, 'zh') || a.name.localeCompare(b.name, 'zh'));
}

/** getTempFileURL takes at most 50 files a call. */
async function signedUrls(fileIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < fileIds.length; i += 50) for (const [k, v] of await tempUrls(fileIds.slice(i, i + 50))) out.set(k, v);
  return out;
}

async function listForReview(contestId: string, filter: Filter, now: Date) {
  const contest = await loadContest(contestId);
  const [regs, all] = await Promise.all([registrationsOf(contestId, filter), readAll<Pick<RegistrationDoc, 'status'>>('candidates', { contestId }, { field: { status: true } })]);
  const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])) as Record<RegistrationStatus, number>;
  const fileIds = regs.flatMap((r) => r.materials?.photoFileIds ?? []);
  const urls = await signedUrls(fileIds);
  const items = await Promise.all(
    regs.map(async (r) => {
      const view = registrationView(r, urls);
      const verdicts = await verdictsOf(r.secretaryId, view.materials.photoFileIds);
      return { ...view, photos: view.photos.map((p) => ({ ...p, check: verdicts.get(p.fileID) ?? 'pending' })) };
    }),
  );
  return { contest: { _id: contest._id, title: contest.title, year: contest.year, registrationOpen: isRegistrationOpen(contest.registration, now) }, counts, items };
}

interface Decision {
  decision: 'approve' | 'reject';
  reason?: string;
}

/** One decision with its audit entry in one transaction; the result message after the commit. */
async function decide(candidateId: string, d: Decision, ctx: ActionContext, contestId?: string) {
  const { doc, notify } = await inTransaction(async (t) => {
    const reg = await readInTransaction<RegistrationDoc>(t, 'candidates', candidateId);
    ensure(reg && (!contestId || reg.contestId === contestId), 'not-found', '找不到该报名');
    ensure(reg.status === 'pending', 'failed-precondition', `该报名${reg.status === 'withdrawn' ? '已被撤回' : '已审核'}，不能再审核`);
    if (d.decision === 'approve') {
      const blocked = await photosBlockingApproval(reg.materials?.photoFileIds ?? [], reg.secretaryId);
      if (blocked) throw new AppError('failed-precondition', blocked);
    }
    const status: RegistrationStatus = d.decision === 'approve' ? 'approved' : 'rejected';
    // The one-time message is claimed in the decision's own write: never twice, even if this re-runs.
    const notify = Boolean(reg.notifyResult && reg.openid && !reg.notifiedAt);
    const changes: Record<string, unknown> = { status, reviewedAt: ctx.now, updatedAt: ctx.now, rejectReason: d.decision === 'reject' ? d.reason : null };
    if (notify) changes.notifiedAt = ctx.now;
    checked(await t.collection('candidates').doc(reg._id).update({ data: changes }));
    await auditIn(t, {
      actor: ctx.caller.openid as string,
      action: 'contest.reviewRegistration',
      target: `secretaries/${reg.secretaryId}`,
      before: { contestId: reg.contestId, status: reg.status },
      after: { contestId: reg.contestId, decision: d.decision, status, rejectReason: d.decision === 'reject' ? d.reason : null },
    });
    const after: RegistrationDoc = { ...reg, status, reviewedAt: ctx.now, updatedAt: ctx.now, rejectReason: d.decision === 'reject' ? d.reason : undefined, notifiedAt: notify ? ctx.now : reg.notifiedAt };
    return { doc: after, notify };
  });
  if (notify) {
    const contest = await loadContest(doc.contestId);
    await sendResultMessage(doc.openid, doc, contest.title, ctx.now);
  }
  return registrationView(doc);
}

const decisionSchema = {
  decision: z.enum(['approve', 'reject']),
  reason: rejectReasonSchema.optional(),
};
const reasonRequired = (v: { decision: string; reason?: string }) => v.decision === 'approve' || Boolean(v.reason);
const REASON_MESSAGE = { message: '未通过时请填写原因', path: ['reason'] };

export const reviewActions: ActionMap = {
  /** A contest's registrations for review, filtered by status and street, with per-status counts. */
  registrationList: action({
    access: 'admin',
    input: registrationFilterSchema.extend({ contestId: idSchema }),
    async run({ contestId, ...filter }, { now }) {
      return listForReview(contestId, filter, now);
    },
  }),
  /** Approve or reject (with a reason) one pending registration; audited; tells the secretary once. */
  reviewRegistration: action({
    access: 'admin',
    input: z.strictObject({ candidateId: idSchema, ...decisionSchema }).refine(reasonRequired, REASON_MESSAGE),
    async run({ candidateId, ...d }, ctx) {
      return decide(candidateId, d, ctx);
    },
  }),
  /** The same decision for several registrations of one contest; each is its own audited write. */
  reviewRegistrations: action({
    access: 'admin',
    input: z
      .strictObject({ contestId: idSchema, candidateIds: z.array(idSchema).min(1).max(100), ...decisionSchema })
      .refine(reasonRequired, REASON_MESSAGE),
    async run({ contestId, candidateIds, ...d }, ctx) {
      await loadContest(contestId);
      const done: string[] = [];
      const skipped: { candidateId: string; message: string }[] = [];
      // One after another: each decision is a transaction, and a batch of 17 stays well within the time limit.
      for (const candidateId of [...new Set(candidateIds)]) {
        try {
          await decide(candidateId, d, ctx, contestId);
          done.push(candidateId);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          skipped.push({ candidateId, message: err.message });
        }
      }
      return { decision: d.decision, done, skipped };
    },
  }),
  /** The registrations (same filters) as an Excel workbook in cloud storage: `{ fileID, tempFileURL, … }`. */
  registrationsExport: action({
    access: 'admin',
    input: registrationFilterSchema.extend({ contestId: idSchema }),
    async run({ contestId, ...filter }, ctx) {
      const contest = await loadContest(contestId);
      const regs = await registrationsOf(contestId, filter);
      return exportRegistrations(contest, regs, { contestId, ...filter }, ctx.caller.openid as string, ctx.now);
    },
  }),
};
