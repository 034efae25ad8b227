import { db } from './cloud';
import type { Transaction } from './db-types';
import { checked } from './transaction';
import { userKey } from './user-key';

/**
 * The audit trail: every privileged write (role changes, reviews, scores, publications, exports) appends
 * one entry. Entries are append-only: no action updates or removes them, and the `audit` collection is
 * admin-only, so only cloud functions write it and only `user.auditList` reads it.
 */
export interface AuditEntry {
  /** OpenID of who did it. */
  actor: string;
  /** `<function>.<action>`, e.g. `user.inviteAdmin`. */
  action: string;
  /** What it was done to, e.g. `secretaries/sec-01` or `users/<openid>`. */
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditDoc extends AuditEntry {
  _id: string;
  /** `userKey(actor)`: what admin views show and filter by, instead of the OpenID. */
  actorKey: string;
  at: Date;
}

function auditData(entry: AuditEntry) {
  // `null` instead of `undefined` so that "nothing before" is stored and shown, not dropped.
  return { ...entry, actorKey: userKey(entry.actor), before: entry.before ?? null, after: entry.after ?? null, at: db.serverDate() };
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await db.collection('audit').add({ data: auditData(entry) });
}

/** The entry as part of transaction `t`: it exists exactly when the change it describes does. */
export async function auditIn(t: Transaction, entry: AuditEntry): Promise<void> {
  checked(await t.collection('audit').add({ data: auditData(entry) }));
}
