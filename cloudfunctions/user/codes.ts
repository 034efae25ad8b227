import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  AppError, CODE_FAILURES_PER_DAY, CODE_MAX_ATTEMPTS, CODE_TICKET_ALPHABET, CODE_TTL_HOURS, chinaDay, codeSchema, ensure,
  idSchema, type CodeKind,
} from '@yanzhen/domain';
import { action, type ActionContext } from '../shared/action';
import { appendAudit } from '../shared/audit';
import { _, db } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { grantIn } from './grants';

/** A one-time code: single use, expires, and locks after CODE_MAX_ATTEMPTS wrong secrets. */
interface CodeDoc {
  _id: string;
  ticket: string;
  kind: CodeKind;
  secretaryId?: string;
  contestId?: string;
  secretHash: string;
  status: 'active' | 'used' | 'locked' | 'revoked';
  attempts: number;
  expiresAt: Date;
  issuedBy: string;
  createdAt: Date;
}

/** A unique-index (or `_id`) violation: E11000 duplicate key. */
const isDuplicate = (err: unknown): boolean => String((err as Error)?.message ?? err).includes('duplicate');

const hashSecret = (ticket: string, secret: string) => createHash('sha256').update(`${ticket}:${secret}`).digest('hex');

function newCode(): { ticket: string; secret: string } {
  const ticket = Array.from({ length: 4 }, () => CODE_TICKET_ALPHABET[randomInt(CODE_TICKET_ALPHABET.length)]).join('');
  return { ticket, secret: String(randomInt(1_000_000)).padStart(6, '0') };
}

async function issue(kind: CodeKind, target: { secretaryId?: string; contestId?: string }, ctx: ActionContext) {
  const actor = ctx.caller.openid as string;
  // Only the newest code for a target is valid: issuing again revokes the earlier ones.
  if (target.secretaryId) await db.collection('bindingCodes').where({ secretaryId: target.secretaryId, status: 'active' }).update({ data: { status: 'revoked' } });
  const { ticket, secret } = newCode();
  const expiresAt = new Date(ctx.now.getTime() + CODE_TTL_HOURS * 3600_000);
  const doc: Omit<CodeDoc, '_id'> = { ticket, kind, ...target, secretHash: hashSecret(ticket, secret), status: 'active', attempts: 0, expiresAt, issuedBy: actor, createdAt: ctx.now };
  try {
    await db.collection('bindingCodes').add({ data: doc });
  } catch (err) {
    // A ticket collision (unique index) is rare; one retry with a fresh ticket is enough.
    if (!isDuplicate(err)) throw err;
    return issue(kind, target, ctx);
  }
  await appendAudit({ actor, action: `user.${kind === 'secretary' ? 'issueBindingCode' : kind === 'admin' ? 'inviteAdmin' : 'inviteJudge'}`, target: target.secretaryId ? `secretaries/${target.secretaryId}` : target.contestId ? `contests/${target.contestId}` : 'users', before: null, after: { ticket, kind, expiresAt } });
  return { code: `${ticket}-${secret}`, expiresAt };
}

/**
 * Wrong codes per caller and day (CODE_FAILURES_PER_DAY). Every redemption first takes a slot with one
 * atomic conditional `$inc` (or creates the day's counter), and gives it back unless it was a wrong guess:
 * a burst of parallel guesses cannot get past the limit, and no increment is lost to a race.
 */
const failureCounterId = (openid: string, now: Date) => `bind-failures:${openid}:${chinaDay(now)}`;

async function takeGuessSlot(openid: string, now: Date): Promise<void> {
  const id = failureCounterId(openid, now);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const taken = await db.collection('rateLimits').where({ _id: id, count: _.lt(CODE_FAILURES_PER_DAY) }).update({ data: { count: _.inc(1) } });
    if (taken.stats.updated === 1) return;
    try {
      await db.collection('rateLimits').add({ data: { _id: id, count: 1, day: chinaDay(now) } });
      return;
    } catch (err) {
      // The counter exists: at the limit, or just created by a parallel guess (then the update takes a slot).
      if (!isDuplicate(err)) throw err;
    }
  }
  throw new AppError('resource-exhausted', '今天输错次数太多，请明天再试或联系区委组织部');
}

async function returnGuessSlot(openid: string, now: Date): Promise<void> {
  await db.collection('rateLimits').doc(failureCounterId(openid, now)).update({ data: { count: _.inc(-1) } });
}

/** Why a code cannot be used any more, checked before the secret (clear message) and again in the claim. */
function ensureUsable(doc: CodeDoc | undefined, now: Date): asserts doc is CodeDoc {
  ensure(doc, 'failed-precondition', '该绑定码已作废，请使用最新发放的绑定码');
  ensure(doc.status !== 'used', 'failed-precondition', '该绑定码已使用过，请联系区委组织部重新发放');
  ensure(doc.status !== 'locked' && doc.attempts < CODE_MAX_ATTEMPTS, 'failed-precondition', '该绑定码输错次数过多已锁定，请联系区委组织部重新发放');
  ensure(doc.status === 'active', 'failed-precondition', '该绑定码已作废，请使用最新发放的绑定码');
  ensure(new Date(doc.expiresAt).getTime() > now.getTime(), 'failed-precondition', '该绑定码已过期，请联系区委组织部重新发放');
}

async function redeem(code: string, ctx: ActionContext) {
  const openid = ctx.caller.openid as string;
  const [ticket, secret] = code.split('-');
  await takeGuessSlot(openid, ctx.now);
  let wrongGuess = false;
  try {
    const found = await db.collection('bindingCodes').where({ ticket }).limit(1).get();
    const doc = found.data[0] as CodeDoc | undefined;
    wrongGuess = !doc;
    ensure(doc, 'not-found', '绑定码不正确，请核对后重新输入');
    ensureUsable(doc, ctx.now);
    if (!timingSafeEqual(Buffer.from(hashSecret(ticket, secret)), Buffer.from(doc.secretHash))) {
      wrongGuess = true;
      await db.collection('bindingCodes').doc(doc._id).update({ data: { attempts: _.inc(1) } });
      await db.collection('bindingCodes').where({ _id: doc._id, status: 'active', attempts: _.gte(CODE_MAX_ATTEMPTS) }).update({ data: { status: 'locked' } });
      const left = Math.max(0, CODE_MAX_ATTEMPTS - doc.attempts - 1);
      throw new AppError('invalid-argument', left ? `绑定码不正确，还可以再试 ${left} 次` : '绑定码输错次数过多，已锁定，请联系区委组织部重新发放');
    }
    // Claim and grant in one transaction: of two simultaneous redemptions of one code, or of two codes by
    // one user, only one commits; a refused grant leaves the code usable; the audit entry comes with it.
    const result = await inTransaction(async (t) => {
      const current = await readInTransaction<CodeDoc>(t, 'bindingCodes', doc._id);
      ensureUsable(current, ctx.now);
      const granted = await grantIn(t, openid, current, ctx.now);
      checked(await t.collection('bindingCodes').doc(doc._id).update({ data: { status: 'used', usedBy: openid, usedAt: ctx.now } }));
      return granted;
    });
    return { kind: doc.kind, ...result };
  } finally {
    if (!wrongGuess) await returnGuessSlot(openid, ctx.now);
  }
}

export const codeActions = {
  /** Admin: a one-time binding code for a secretary's archive record. */
  issueBindingCode: action({
    access: 'admin',
    input: z.strictObject({ secretaryId: idSchema }),
    async run({ secretaryId }, ctx) {
      const sec = await db.collection('secretaries').where({ _id: secretaryId }).limit(1).get();
      ensure(sec.data.length === 1, 'not-found', '找不到该书记档案');
      return issue('secretary', { secretaryId }, ctx);
    },
  }),
  /** Admin: an invitation code that makes whoever redeems it an admin. */
  inviteAdmin: action({ access: 'admin', input: z.strictObject({}), run: (_i, ctx) => issue('admin', {}, ctx) }),
  /** Admin: an invitation code that makes whoever redeems it a judge of one contest. */
  inviteJudge: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, ctx) {
      await loadContest(contestId);
      return issue('judge', { contestId }, ctx);
    },
  }),
  /** Anyone signed in: redeem a binding or invitation code. */
  redeemCode: action({ access: 'resident', input: z.strictObject({ code: codeSchema }), run: ({ code }, ctx) => redeem(code, ctx) }),
};
