import { z } from 'zod';
import { STREETS, ensure, idSchema, userKeySchema } from '@yanzhen/domain';
import { action } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, db } from '../shared/cloud';
import { configuredAdmins, type UserDoc } from '../shared/identity';
import { readAll } from '../shared/read-all';
import { userKey } from '../shared/user-key';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';

async function userByKey(key: string): Promise<UserDoc> {
  const found = await db.collection('users').where({ key }).limit(1).get();
  ensure(found.data.length === 1, 'not-found', '找不到该用户');
  return found.data[0] as UserDoc;
}

const withoutRole = (roles: UserDoc['roles'], role: string) => (roles ?? []).filter((r) => r !== role);

export const manageActions = {
  /** Admin: archive records with whether each is bound to a WeChat user, to issue or undo bindings. */
  listBindings: action({
    access: 'admin',
    input: z.strictObject({ street: z.enum(STREETS).optional() }),
    async run({ street }) {
      const [found, active] = await Promise.all([
        readAll('secretaries', street ? { street } : {}, { field: { name: true, community: true, street: true, openid: true, boundAt: true } }),
        readAll<{ secretaryId: string; expiresAt: Date }>('bindingCodes', { kind: 'secretary', status: 'active' }, { field: { secretaryId: true, expiresAt: true } }),
      ]);
      const pending = new Map(active.map((c) => [c.secretaryId, c.expiresAt]));
      const items = (found as { _id: string; name: string; community: string; street: string; openid?: string; boundAt?: Date }[]).map((s) => ({
        secretaryId: s._id,
        name: s.name,
        community: s.community,
        street: s.street,
        bound: Boolean(s.openid),
        boundAt: s.boundAt ?? null,
        codeExpiresAt: pending.get(s._id) ?? null,
      }));
      return { items };
    },
  }),
  /** Admin: undo a secretary binding, so that a new code can be issued (e.g. a changed phone). */
  unbind: action({
    access: 'admin',
    input: z.strictObject({ secretaryId: idSchema }),
    async run({ secretaryId }, ctx) {
      await inTransaction(async (t) => {
        const sec = await readInTransaction<{ openid?: string }>(t, 'secretaries', secretaryId);
        ensure(sec, 'not-found', '找不到该书记档案');
        const openid = sec.openid;
        ensure(openid, 'failed-precondition', '该书记档案尚未绑定微信');
        const user = await readInTransaction<UserDoc>(t, 'users', openid);
        checked(await t.collection('secretaries').doc(secretaryId).update({ data: { openid: _.remove(), boundAt: _.remove() } }));
        if (user) checked(await t.collection('users').doc(openid).update({ data: { secretaryId: _.remove(), street: _.remove(), roles: withoutRole(user.roles, 'secretary'), updatedAt: ctx.now } }));
        await auditIn(t, { actor: ctx.caller.openid as string, action: 'user.unbind', target: `secretaries/${secretaryId}`, before: { secretaryId, userKey: userKey(openid) }, after: null });
      });
      return { secretaryId, unbound: true };
    },
  }),
  /** Admin: the admins, by opaque key; configured ones cannot be revoked here (change the configuration). */
  listAdmins: action({
    access: 'admin',
    input: z.strictObject({}),
    async run() {
      const found = await readAll<UserDoc>('users', { roles: 'admin' });
      const invited = found.map((u) => ({ userKey: userKey(u._id), configured: configuredAdmins().includes(u._id), since: u.updatedAt ?? null }));
      const configured = configuredAdmins()
        .filter((o) => !invited.some((i) => i.userKey === userKey(o)))
        .map((o) => ({ userKey: userKey(o), configured: true, since: null }));
      return { items: [...configured, ...invited] };
    },
  }),
  revokeAdmin: action({
    access: 'admin',
    input: z.strictObject({ userKey: userKeySchema }),
    async run(input, ctx) {
      const { _id: openid } = await userByKey(input.userKey);
      ensure(!configuredAdmins().includes(openid), 'failed-precondition', '该管理员来自系统配置，需修改配置后才能移除');
      ensure(openid !== ctx.caller.openid, 'failed-precondition', '不能移除自己的管理员身份');
      // Roles are re-read and written in one transaction, so a role granted meanwhile is not lost.
      await inTransaction(async (t) => {
        const user = await readInTransaction<UserDoc>(t, 'users', openid);
        ensure(user && user.roles?.includes('admin'), 'failed-precondition', '该用户不是管理员');
        checked(await t.collection('users').doc(openid).update({ data: { roles: withoutRole(user.roles, 'admin'), updatedAt: ctx.now } }));
        await auditIn(t, { actor: ctx.caller.openid as string, action: 'user.revokeAdmin', target: `users/${input.userKey}`, before: { roles: user.roles }, after: { roles: withoutRole(user.roles, 'admin') } });
      });
      return { userKey: input.userKey, revoked: true };
    },
  }),
  listJudges: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }) {
      const found = await readAll('judgeAssignments', { contestId });
      return { items: (found as { key: string; createdAt: Date }[]).map((a) => ({ userKey: a.key, since: a.createdAt })) };
    },
  }),
  removeJudge: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema, userKey: userKeySchema }),
    async run({ contestId, userKey: key }, ctx) {
      // The key → OpenID mapping never changes, so it may be read before the transaction.
      const any = await db.collection('judgeAssignments').where({ key }).limit(1).get();
      const openid = (any.data[0] as { openid: string } | undefined)?.openid;
      ensure(openid, 'not-found', '该评委不在此比武活动中');
      await inTransaction(async (t) => {
        // The user document first: it pins the snapshot and is the guard every change to this judge's
        // assignments writes (a redemption, a removal). Two removals at once that each see "2 left" both
        // write it, so one conflicts and re-runs: the judge role goes with the really last assignment.
        const user = await readInTransaction<UserDoc>(t, 'users', openid);
        // Read after the snapshot, outside the transaction (where() is not allowed inside one); anything
        // committed meanwhile wrote the user document too and makes this commit conflict.
        const assignments = await readAll<{ _id: string; contestId: string }>('judgeAssignments', { key });
        const assignment = assignments.find((a) => a.contestId === contestId);
        ensure(assignment, 'not-found', '该评委不在此比武活动中');
        checked(await t.collection('judgeAssignments').doc(assignment._id).remove());
        const roles = assignments.length === 1 ? withoutRole(user?.roles, 'judge') : user?.roles ?? [];
        if (user) checked(await t.collection('users').doc(openid).update({ data: { roles, updatedAt: ctx.now } }));
        await auditIn(t, { actor: ctx.caller.openid as string, action: 'user.removeJudge', target: `contests/${contestId}`, before: { userKey: key }, after: null });
      });
      return { contestId, userKey: key, removed: true };
    },
  }),
};
