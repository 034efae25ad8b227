import { ensure, type CodeKind, type Role } from '@yanzhen/domain';
import { auditIn } from '../shared/audit';
import { _, db } from '../shared/cloud';
import { readAll } from '../shared/read-all';
import type { Transaction } from '../shared/db-types';
import type { UserDoc } from '../shared/identity';
import { checked, readInTransaction } from '../shared/transaction';
import { userKey } from '../shared/user-key';

/** What a one-time code grants: a secretary binding, the admin role, or judging one contest. */
export interface Grantable {
  /** The code's document id: for a secretary code, it must be the archive record's current code. */
  _id: string;
  kind: CodeKind;
  secretaryId?: string;
  contestId?: string;
}

/** One assignment per judge and contest (the seed's are `judge-<contest>-<openid>`; these use the opaque key). */
export const judgeAssignmentId = (contestId: string, openid: string): string => `judge-${contestId}-${userKey(openid)}`;

const withRole = (roles: Role[] | undefined, role: Role): Role[] => [...new Set([...(roles ?? []), role])];

/**
 * Grants `code` to `openid` inside transaction `t`: the user document, the archive record (or judge
 * assignment) and the audit entry are written together or not at all. Every document a check reads
 * is also written (the user document always, the archive record for a binding), so two parallel
 * redemptions that touch the same user or archive record cannot both commit under snapshot isolation:
 * one conflicts, retries, and then meets the other's result (e.g. 已绑定其他书记档案).
 */
export async function grantIn(t: Transaction, openid: string, code: Grantable, now: Date) {
  const user = await readInTransaction<UserDoc>(t, 'users', openid);
  // Audited as roles and binding only: the user doc's _id is the OpenID, which admin views never show.
  const before = user ? { roles: user.roles ?? [], secretaryId: user.secretaryId ?? null } : null;
  const { _id: _openid, ...kept } = user ?? { _id: openid };
  const next: Omit<UserDoc, '_id'> & { key: string } = { ...kept, key: userKey(openid), updatedAt: now };
  let granted: { target: string; after: unknown; result: Record<string, unknown> };

  if (code.kind === 'secretary') {
    const secretaryId = code.secretaryId as string;
    ensure(!user?.secretaryId || user.secretaryId === secretaryId, 'failed-precondition', '您的微信已绑定其他书记档案，请先联系区委组织部解绑');
    const sec = await readInTransaction<{ street: string; name: string; community: string; openid?: string; bindingCodeId?: string }>(t, 'secretaries', secretaryId);
    ensure(sec, 'not-found', '该绑定码对应的书记档案已不存在');
    // Only the record's newest code binds (also for codes issued before the record remembered it).
    ensure(!sec.bindingCodeId || sec.bindingCodeId === code._id, 'failed-precondition', '该绑定码已作废，请使用最新发放的绑定码');
    ensure(!sec.openid || sec.openid === openid, 'failed-precondition', '该书记档案已绑定其他微信，请联系区委组织部解绑后重新发放');
    // The other way round from the judge check below: a judge cannot become a candidate of her contest.
    const judging = await readAll<{ contestId: string }>('judgeAssignments', { openid });
    if (judging.length) {
      const conflict = await db.collection('candidates').where({ secretaryId, contestId: _.in(judging.map((j) => j.contestId)), status: _.neq('rejected') }).limit(1).get();
      ensure(conflict.data.length === 0, 'failed-precondition', '您是该书记参加的比武活动的评委，不能绑定为该书记，请联系区委组织部');
    }
    checked(await t.collection('secretaries').doc(secretaryId).update({ data: { openid, boundAt: now } }));
    Object.assign(next, { roles: withRole(user?.roles, 'secretary'), secretaryId, street: sec.street });
    granted = { target: `secretaries/${secretaryId}`, after: { secretaryId }, result: { secretaryId, secretary: { name: sec.name, community: sec.community } } };
  } else if (code.kind === 'admin') {
    next.roles = withRole(user?.roles, 'admin');
    granted = { target: `users/${userKey(openid)}`, after: { role: 'admin' }, result: {} };
  } else {
    const contestId = code.contestId as string;
    // Read outside the transaction (where() is not allowed inside one) AFTER the snapshot was taken by
    // the user read above. Safe under snapshot isolation because every change to a user's binding or
    // judge assignments also writes her user document, as this transaction does below: a change made
    // meanwhile makes this commit conflict, and the retry reads again.
    if (user?.secretaryId) {
      const own = await db.collection('candidates').where({ contestId, secretaryId: user.secretaryId, status: _.neq('rejected') }).limit(1).get();
      ensure(own.data.length === 0, 'failed-precondition', '您是本次比武的候选书记，不能担任本次比武的评委');
    }
    const assigned = await db.collection('judgeAssignments').where({ contestId, openid }).limit(1).get();
    // Already a judge of this contest: redeeming a second invitation adds no second assignment.
    if (assigned.data.length === 0) checked(await t.collection('judgeAssignments').add({ data: { _id: judgeAssignmentId(contestId, openid), contestId, openid, key: userKey(openid), createdAt: now } }));
    next.roles = withRole(user?.roles, 'judge');
    granted = { target: `contests/${contestId}`, after: { role: 'judge', contestId }, result: { contestId } };
  }

  checked(await t.collection('users').doc(openid).set({ data: next }));
  await auditIn(t, { actor: openid, action: 'user.redeemCode', target: granted.target, before, after: granted.after });
  return granted.result;
}
