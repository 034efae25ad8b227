import { ensure, type CodeKind, type Role } from '@yanzhen/domain';
import type { ActionContext } from '../shared/action';
import { _, db } from '../shared/cloud';
import type { UserDoc } from '../shared/identity';
import { userKey } from '../shared/user-key';

interface Grantable {
  kind: CodeKind;
  secretaryId?: string;
  contestId?: string;
}

export async function getUser(openid: string): Promise<UserDoc | undefined> {
  const found = await db.collection('users').where({ _id: openid }).limit(1).get();
  return found.data[0] as UserDoc | undefined;
}

/** Update the user's doc, creating it (with its opaque key) the first time. */
export async function upsertUser(openid: string, patch: Record<string, unknown>, now: Date): Promise<void> {
  const res = await db.collection('users').doc(openid).update({ data: { ...patch, updatedAt: now } });
  if (res.stats.updated) return;
  const plain = Object.fromEntries(Object.entries(patch).filter(([, v]) => typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date));
  const roles = patch.roles === undefined ? [] : (patch.roles as Role[]);
  await db.collection('users').doc(openid).set({ data: { key: userKey(openid), ...plain, roles, updatedAt: now } });
}

export async function addRole(openid: string, role: Role, extra: Record<string, unknown>, now: Date): Promise<void> {
  const user = await getUser(openid);
  if (user) await upsertUser(openid, { ...extra, roles: _.addToSet(role) }, now);
  else await upsertUser(openid, { ...extra, roles: [role] }, now);
}

/** Preconditions checked before a code is spent, so a refused grant leaves the code usable. */
export async function checkGrant(openid: string, code: Grantable): Promise<void> {
  if (code.kind !== 'secretary') return;
  const user = await getUser(openid);
  ensure(!user?.secretaryId || user.secretaryId === code.secretaryId, 'failed-precondition', '您的微信已绑定其他书记档案，请先联系区委组织部解绑');
  const sec = await db.collection('secretaries').where({ _id: code.secretaryId }).limit(1).get();
  ensure(sec.data.length === 1, 'not-found', '该绑定码对应的书记档案已不存在');
  const boundTo = (sec.data[0] as { openid?: string }).openid;
  ensure(!boundTo || boundTo === openid, 'failed-precondition', '该书记档案已绑定其他微信，请联系区委组织部解绑后重新发放');
}

export async function applyGrant(openid: string, code: Grantable, ctx: ActionContext) {
  const user = await getUser(openid);
  // Audited as roles and binding only: the user doc's _id is the OpenID, which admin views never show.
  const before = user ? { roles: user.roles ?? [], secretaryId: user.secretaryId ?? null } : null;
  if (code.kind === 'secretary') {
    const sec = (await db.collection('secretaries').doc(code.secretaryId as string).get()).data as { street: string; name: string; community: string };
    await addRole(openid, 'secretary', { secretaryId: code.secretaryId, street: sec.street }, ctx.now);
    await db.collection('secretaries').doc(code.secretaryId as string).update({ data: { openid, boundAt: ctx.now } });
    return { target: `secretaries/${code.secretaryId}`, before, after: { secretaryId: code.secretaryId }, result: { secretaryId: code.secretaryId, secretary: { name: sec.name, community: sec.community } } };
  }
  if (code.kind === 'admin') {
    await addRole(openid, 'admin', {}, ctx.now);
    return { target: `users/${userKey(openid)}`, before, after: { role: 'admin' }, result: {} };
  }
  const contestId = code.contestId as string;
  await addRole(openid, 'judge', {}, ctx.now);
  try {
    await db.collection('judgeAssignments').add({ data: { contestId, openid, key: userKey(openid), createdAt: ctx.now } });
  } catch (err) {
    // Already a judge of this contest: redeeming a second invitation changes nothing.
    if (!String((err as Error).message).includes('duplicate')) throw err;
  }
  return { target: `contests/${contestId}`, before, after: { role: 'judge', contestId }, result: { contestId } };
}
