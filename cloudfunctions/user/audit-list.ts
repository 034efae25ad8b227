import { z } from 'zod';
import {
  ROLE_LABELS, auditActionLabel, diffAudit, maskName, userHandle, userKeySchema, type AuditItem, type AuditNames, type Role,
} from '@yanzhen/domain';
import { action } from '../shared/action';
import type { AuditDoc } from '../shared/audit';
import { _, db } from '../shared/cloud';
import type { DbOperator } from '../shared/db-types';
import { configuredAdmins, type UserDoc } from '../shared/identity';
import { readAll } from '../shared/read-all';

const PAGE = 20;
const ROLE_ORDER: Role[] = ['admin', 'judge', 'secretary', 'resident'];

/**
 * A target filter in people's words: an internal path (`secretaries/sec-02`) as is, or a secretary's
 * name or a contest's title, which stands for everything done to that record.
 */
async function targetsFor(target: string): Promise<string | DbOperator> {
  if (target.includes('/')) return target;
  const [secretaries, contests] = await Promise.all([
    readAll<{ _id: string }>('secretaries', { name: target }, { field: { _id: true } }),
    readAll<{ _id: string }>('contests', { title: target }, { field: { _id: true } }),
  ]);
  const paths = [...secretaries.flatMap((s) => [`secretaries/${s._id}`, `showcases/showcase-${s._id}`]), ...contests.map((c) => `contests/${c._id}`)];
  return _.in(paths.length ? paths : [target]);
}

/** Names of everything the page mentions, read in three queries (never one per entry). */
async function namesFor(rows: AuditDoc[]) {
  const ids = (prefix: string) => rows.map((r) => r.target).filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  const actors = [...new Set(rows.map((r) => r.actor))];
  const users = actors.length ? await readAll<UserDoc>('users', { _id: _.in(actors) }) : [];
  const valueIds = (key: string) => rows.flatMap((r) => [r.before, r.after]).map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined)).filter((v): v is string => typeof v === 'string');
  const secretaryIds = [...new Set([...ids('secretaries/'), ...ids('showcases/showcase-'), ...users.flatMap((u) => (u.secretaryId ? [u.secretaryId] : [])), ...valueIds('secretaryId')])];
  const contestIds = [...new Set([...ids('contests/'), ...valueIds('contestId')])];
  const [secretaries, contests] = await Promise.all([
    secretaryIds.length ? readAll<{ _id: string; name: string; community: string }>('secretaries', { _id: _.in(secretaryIds) }, { field: { name: true, community: true } }) : [],
    contestIds.length ? readAll<{ _id: string; title: string }>('contests', { _id: _.in(contestIds) }, { field: { title: true } }) : [],
  ]);
  return { users: new Map(users.map((u) => [u._id, u])), secretaries: new Map(secretaries.map((s) => [s._id, s])), contests: new Map(contests.map((c) => [c._id, c])) };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

function actorLabel(entry: AuditDoc, names: Names): string {
  const user = names.users.get(entry.actor);
  const roles = new Set<Role>(user?.roles ?? []);
  if (configuredAdmins().includes(entry.actor)) roles.add('admin');
  if (user?.secretaryId) roles.add('secretary');
  // The role the action needed: every audited action but redeeming a code is an admin's.
  const role = entry.action === 'user.redeemCode' ? ROLE_ORDER.find((r) => roles.has(r) && r !== 'admin') ?? 'resident' : 'admin';
  const sec = user?.secretaryId ? names.secretaries.get(user.secretaryId) : undefined;
  return `${ROLE_LABELS[role]} · ${sec ? maskName(sec.name) : userHandle(entry.actorKey)}`;
}

function targetLabel(target: string, names: Names): string {
  const [kind, id = ''] = target.split('/');
  const sec = (secretaryId: string) => names.secretaries.get(secretaryId);
  if (kind === 'secretaries') return sec(id) ? `书记档案：${sec(id)?.name}（${sec(id)?.community}）` : `书记档案：${id}（已删除）`;
  if (kind === 'showcases') {
    const owner = sec(id.replace(/^showcase-/, ''));
    return owner ? `风采展：${owner.name}（${owner.community}）` : `风采展：${id}`;
  }
  if (kind === 'contests') return `比武活动：${names.contests.get(id)?.title ?? id}`;
  if (kind === 'users') return id ? `用户：${userHandle(id)}` : '新用户（凭邀请码加入）';
  return target;
}

function toItem(entry: AuditDoc, names: Names): AuditItem {
  const lookup: AuditNames = {
    secretaries: Object.fromEntries([...names.secretaries].map(([id, s]) => [id, `${s.name}（${s.community}）`])),
    contests: Object.fromEntries([...names.contests].map(([id, c]) => [id, c.title])),
  };
  return {
    action: entry.action,
    actionLabel: auditActionLabel(entry.action),
    actorKey: entry.actorKey,
    actorLabel: actorLabel(entry, names),
    target: entry.target,
    targetLabel: targetLabel(entry.target, names),
    changes: diffAudit(entry.before, entry.after, lookup),
    at: new Date(entry.at).toISOString(),
  };
}

/** Admin: browse the audit trail, newest first, filtered by action, actor or target; read-only. */
export const auditList = action({
  access: 'admin',
  input: z.strictObject({
    /** The audited action, e.g. `user.unbind` (named `operation` because `action` names the call itself). */
    operation: z.string().max(64).optional(),
    actorKey: userKeySchema.optional(),
    /** `secretaries/sec-02`, or a secretary's name or a contest's title. */
    target: z.string().trim().max(128).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    page: z.number().int().min(0).max(500).default(0),
  }),
  async run({ operation, actorKey, target, from, to, page }) {
    const where: Record<string, unknown> = {};
    if (operation) where.action = operation;
    if (actorKey) where.actorKey = actorKey;
    if (target) where.target = await targetsFor(target);
    if (from && to) where.at = _.gte(new Date(from)).and(_.lte(new Date(to)));
    else if (from) where.at = _.gte(new Date(from));
    else if (to) where.at = _.lte(new Date(to));
    const found = await db.collection('audit').where(where).orderBy('at', 'desc').orderBy('_id', 'desc').skip(page * PAGE).limit(PAGE + 1).get();
    const rows = (found.data as AuditDoc[]).slice(0, PAGE);
    const names = await namesFor(rows);
    // The actor's OpenID stays in the database; the view shows its role, masked name and opaque key.
    return { items: rows.map((r) => toItem(r, names)), page, hasMore: found.data.length > PAGE };
  },
});
