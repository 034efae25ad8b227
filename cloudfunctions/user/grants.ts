import { ensure, type CodeKind, type Role } from '@yanzhen/domain';
import { auditIn } from '../shared/audit';
import type { Transaction } from '../shared/db-types';
import type { UserDoc } from '../shared/identity';
import { checked, readInTransaction } from '../shared/transaction';
import { userKey } from '../shared/user-key';

/** What a one-time code grants: a secretary binding, the admin role, or judging one contest. */
export interface Grantable {
  kind: CodeKind;
  secretaryId?: string;
  contestId?: string;
}

const withRole = (roles: Role[] | undefined, role: Role): Role[] => [...new Set([...(roles ?? []), role])];

/**
 * Grants `code` to `openid` inside transaction `t`: the user document, the archive record (or judge
 * assignment) and the audit entry are written together or not at all. Every check reads inside the
 * transaction, so two parallel redemptions that touch the same user or archive record cannot both pass:
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
    const sec = await readInTransaction<{ street: string; name: string; community: string; openid?: string }>(t, 'secretaries', secretaryId);
    ensure(sec, 'not-found', '该绑定码对应的书记档案已不存在');
    ensure(!sec.openid || sec.openid === openid, 'failed-precondition', '该书记档案已绑定其他微信，请联系区委组织部解绑后重新发放');
    checked(await t.collection('secretaries').doc(secretaryId).update({ data: { openid, boundAt: now } }));
    Object.assign(next, { roles: withRole(user?.roles, 'secretary'), secretaryId, street: sec.street });
    granted = { target: `secretaries/${secretaryId}`, after: { secretaryId }, result: { secretaryId, secretary: { name: sec.name, community: sec.community } } };
  } else if (code.kind === 'admin') {
    next.roles = withRole(user?.roles, 'admin');
    granted = { target: `users/${userKey(openid)}`, after: { role: 'admin' }, result: {} };
  } else {
    const contestId = code.contestId as string;
    const assigned = checked(await t.collection('judgeAssignments').where({ contestId, openid }).get());
    // Already a judge of this contest: redeeming a second invitation adds no second assignment.
    if (assigned.data.length === 0) checked(await t.collection('judgeAssignments').add({ data: { contestId, openid, key: userKey(openid), createdAt: now } }));
    next.roles = withRole(user?.roles, 'judge');
    granted = { target: `contests/${contestId}`, after: { role: 'judge', contestId }, result: { contestId } };
  }

  checked(await t.collection('users').doc(openid).set({ data: next }));
  await auditIn(t, { actor: openid, action: 'user.redeemCode', target: granted.target, before, after: granted.after });
  return granted.result;
}
