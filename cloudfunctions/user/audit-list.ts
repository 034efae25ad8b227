import { z } from 'zod';
import { userKeySchema } from '@yanzhen/domain';
import { action } from '../shared/action';
import type { AuditDoc } from '../shared/audit';
import { _, db } from '../shared/cloud';

const PAGE = 20;

/** Admin: browse the audit trail, newest first, filtered by action, actor or target; read-only. */
export const auditList = action({
  access: 'admin',
  input: z.strictObject({
    /** The audited action, e.g. `user.unbind` (named `operation` because `action` names the call itself). */
    operation: z.string().max(64).optional(),
    actorKey: userKeySchema.optional(),
    target: z.string().max(128).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    page: z.number().int().min(0).max(500).default(0),
  }),
  async run({ operation, actorKey, target, from, to, page }) {
    const where: Record<string, unknown> = {};
    if (operation) where.action = operation;
    if (actorKey) where.actorKey = actorKey;
    if (target) where.target = target;
    if (from && to) where.at = _.gte(new Date(from)).and(_.lte(new Date(to)));
    else if (from) where.at = _.gte(new Date(from));
    else if (to) where.at = _.lte(new Date(to));
    const found = await db.collection('audit').where(where).orderBy('at', 'desc').skip(page * PAGE).limit(PAGE + 1).get();
    const rows = found.data as AuditDoc[];
    // The actor's OpenID stays in the database; the view shows its opaque key.
    const items = rows.slice(0, PAGE).map(({ actor: _openid, ...rest }) => rest);
    return { items, page, hasMore: rows.length > PAGE };
  },
});
