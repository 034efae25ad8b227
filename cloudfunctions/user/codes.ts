import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  AppError, CODE_FAILURES_PER_DAY, CODE_MAX_ATTEMPTS, CODE_TICKET_ALPHABET, CODE_TTL_HOURS, chinaDay, codeSchema, ensure,
  idSchema, type CodeKind,
} from '@yanzhen/domain';
import { action, type ActionContext } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, db } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { codeKey, hashSecret, secretMatches } from './code-secret';
import { grantIn } from './grants';

/** A one-time code: single use, expires, and locks after CODE_MAX_ATTEMPTS wrong secrets. */
export interface CodeDoc {
  /** `code-<ticket>`: a ticket is unique, so two codes can never share one (the add fails instead). */
  _id: string;
  ticket: string;
  kind: CodeKind;
  secretaryId?: string;
  contestId?: string;
  /** HMAC of ticket and secret, see code-secret.ts. */
  secretHash: string;
  status: 'active' | 'used' | 'locked' | 'revoked';
  /** Secrets tried so far; reserved BEFORE a secret is compared, so it never passes CODE_MAX_ATTEMPTS. */
  attempts: number;
  expiresAt: Date;
  issuedBy: string;
  createdAt: Date;
}

const LOCKED = '该绑定码输错次数过多已锁定，请联系区委组织部重新发放';

/** A unique-index (or `_id`) violation: E11000 duplicate key. */
const isDuplicate = (err: unknown): boolean => /duplicate/i.test(String((err as Error)?.message ?? err));

function newCode(): { ticket: string; secret: string } {
  const ticket = Array.from({ length: 4 }, () => CODE_TICKET_ALPHABET[randomInt(CODE_TICKET_ALPHABET.length)]).join('');
  return { ticket, secret: String(randomInt(1_000_000)).padStart(6, '0') };
}

const auditedAction = (kind: CodeKind) => `user.${kind === 'secretary' ? 'issueBindingCode' : kind === 'admin' ? 'inviteAdmin' : 'inviteJudge'}`;

/**
 * Issues a code, with its audit entry, in one transaction. For a secretary's archive record only the
 * newest code is valid: the record remembers it (`bindingCodeId`) and the transaction revokes the one
 * it replaces. The record is written by every issue (and by every redemption), so two issues at once
 * (a double click) conflict; the later one re-runs, revokes the other's code, and one valid code is left.
 */
async function issue(kind: CodeKind, target: { secretaryId?: string; contestId?: string }, ctx: ActionContext) {
  const key = codeKey();
  const actor = ctx.caller.openid as string;
  const expiresAt = new Date(ctx.now.getTime() + CODE_TTL_HOURS * 3600_000);
  for (let tries = 1; ; tries += 1) {
    const { ticket, secret } = newCode();
    const id = `code-${ticket}`;
    const doc: Omit<CodeDoc, '_id'> = { ticket, kind, ...target, secretHash: hashSecret(key, ticket, secret), status: 'active', attempts: 0, expiresAt, issuedBy: actor, createdAt: ctx.now };
    try {
      await inTransaction(async (t) => {
        if (target.secretaryId) {
          const sec = await readInTransaction<{ bindingCodeId?: string }>(t, 'secretaries', target.secretaryId);
          ensure(sec, 'not-found', '找不到该书记档案');
          const previous = sec.bindingCodeId ? await readInTransaction<CodeDoc>(t, 'bindingCodes', sec.bindingCodeId) : undefined;
          if (previous?.status === 'active') checked(await t.collection('bindingCodes').doc(previous._id).update({ data: { status: 'revoked' } }));
          checked(await t.collection('secretaries').doc(target.secretaryId).update({ data: { bindingCodeId: id } }));
        }
        checked(await t.collection('bindingCodes').add({ data: { _id: id, ...doc } }));
        const where = target.secretaryId ? `secretaries/${target.secretaryId}` : target.contestId ? `contests/${target.contestId}` : 'users';
        await auditIn(t, { actor, action: auditedAction(kind), target: where, before: null, after: { ticket, kind, expiresAt } });
      });
      return { code: `${ticket}-${secret}`, expiresAt };
    } catch (err) {
      // A ticket collision is rare (32⁴ tickets); a fresh ticket resolves it.
      if (!isDuplicate(err) || tries >= 3) throw err;
    }
  }
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
  ensure(doc.status !== 'locked' && doc.attempts < CODE_MAX_ATTEMPTS, 'failed-precondition', LOCKED);
  ensure(doc.status === 'active', 'failed-precondition', '该绑定码已作废，请使用最新发放的绑定码');
  ensure(new Date(doc.expiresAt).getTime() > now.getTime(), 'failed-precondition', '该绑定码已过期，请联系区委组织部重新发放');
}

async function findCode(where: Record<string, unknown>): Promise<CodeDoc | undefined> {
  return (await db.collection('bindingCodes').where(where).limit(1).get()).data[0] as CodeDoc | undefined;
}

/**
 * Takes one of the code's CODE_MAX_ATTEMPTS tries with a conditional update, before the secret is
 * compared: however many guesses arrive at once, at most CODE_MAX_ATTEMPTS are ever compared.
 */
async function reserveAttempt(doc: CodeDoc, now: Date): Promise<void> {
  const reserved = await db.collection('bindingCodes').where({ _id: doc._id, status: 'active', attempts: _.lt(CODE_MAX_ATTEMPTS) }).update({ data: { attempts: _.inc(1) } });
  if (reserved.stats.updated === 1) return;
  ensureUsable(await findCode({ _id: doc._id }), now);
  throw new AppError('failed-precondition', LOCKED);
}

async function countWrongSecret(doc: CodeDoc): Promise<never> {
  const attempts = (await findCode({ _id: doc._id }))?.attempts ?? CODE_MAX_ATTEMPTS;
  if (attempts >= CODE_MAX_ATTEMPTS) await db.collection('bindingCodes').where({ _id: doc._id, status: 'active' }).update({ data: { status: 'locked' } });
  const left = Math.max(0, CODE_MAX_ATTEMPTS - attempts);
  throw new AppError('invalid-argument', left ? `绑定码不正确，还可以再试 ${left} 次` : '绑定码输错次数过多，已锁定，请联系区委组织部重新发放');
}

async function redeem(code: string, ctx: ActionContext) {
  const key = codeKey();
  const openid = ctx.caller.openid as string;
  const [ticket, secret] = code.split('-');
  await takeGuessSlot(openid, ctx.now);
  let wrongGuess = false;
  try {
    const doc = await findCode({ ticket });
    wrongGuess = !doc;
    ensure(doc, 'not-found', '绑定码不正确，请核对后重新输入');
    ensureUsable(doc, ctx.now);
    await reserveAttempt(doc, ctx.now);
    if (!secretMatches(key, ticket, secret, doc.secretHash)) {
      wrongGuess = true;
      return await countWrongSecret(doc);
    }
    // Claim and grant in one transaction: of two simultaneous redemptions of one code, or of two codes by
    // one user, only one commits; a refused grant leaves the code usable; the audit entry comes with it.
    try {
      const result = await inTransaction(async (t) => {
        const current = await readInTransaction<CodeDoc>(t, 'bindingCodes', doc._id);
        // This redemption's own reserved attempt is not a wrong one.
        const usable = current && { ...current, attempts: current.attempts - 1 };
        ensureUsable(usable, ctx.now);
        const granted = await grantIn(t, openid, usable, ctx.now);
        checked(await t.collection('bindingCodes').doc(doc._id).update({ data: { status: 'used', usedBy: openid, usedAt: ctx.now } }));
        return granted;
      });
      return { kind: doc.kind, ...result };
    } catch (err) {
      // The right secret was not a wrong try: a refused grant gives its attempt back.
      await db.collection('bindingCodes').where({ _id: doc._id, status: 'active' }).update({ data: { attempts: _.inc(-1) } });
      throw err;
    }
  } finally {
    if (!wrongGuess) await returnGuessSlot(openid, ctx.now);
  }
}

export const codeActions = {
  /** Admin: a one-time binding code for a secretary's archive record (replaces the record's earlier code). */
  issueBindingCode: action({
    access: 'admin',
    input: z.strictObject({ secretaryId: idSchema }),
    run: ({ secretaryId }, ctx) => issue('secretary', { secretaryId }, ctx),
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
