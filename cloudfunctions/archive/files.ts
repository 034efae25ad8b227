import { randomBytes } from 'node:crypto';
import {
  AppError, ensure, maskPrivateFields, PRIVATE_FIELDS, withoutPrivateFields,
  type ArchiveEntry, type EntryInput, type FileBasics, type PersonFileDoc, type ProposalDoc,
} from '@yanzhen/domain';
import { auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import { inTransaction, readInTransaction } from '../shared/transaction';

/**
 * Person files (一人一档): `personFiles/<fileId>` with basic information, private fields and a list of dated
 * entries; secretaries' proposals in `archiveProposals`. Every admin write goes with its audit entry in one
 * transaction (single-document operations only, as CloudBase allows).
 */
export const FILES = 'personFiles';
export const PROPOSALS = 'archiveProposals';
export const LIST_PAGE = 50;
/** Pending proposals one secretary may have at a time: enough for real use, not a way to flood admins. */
export const MAX_PENDING_PROPOSALS = 20;

export const newEntryId = (now: Date): string => `e-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
const byDateDesc = (a: ArchiveEntry, b: ArchiveEntry) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date));

/** Private fields are masked in audit entries too: the audit view is a list. */
const maskedForAudit = (basics: Partial<FileBasics>) => maskPrivateFields(basics as Record<string, string>);

export async function listFiles(street: string | undefined, q: string | undefined, page: number) {
  const where: Record<string, unknown> = {};
  if (street) where.street = street;
  if (q) where.name = db.RegExp({ regexp: q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: '' });
  const res = await db.collection<PersonFileDoc>(FILES).where(where).orderBy('_id', 'asc').skip((page - 1) * LIST_PAGE).limit(LIST_PAGE + 1)
    .field({ entries: false }).get();
  const items = res.data.slice(0, LIST_PAGE).map((d) => {
    const { _id, secretaryId, name, gender, street: s, community, post, education, phone, idNumber, address } = d;
    return maskPrivateFields({ _id, secretaryId, name, gender, street: s, community, post, education, phone, idNumber, address });
  });
  return { items, page, hasMore: res.data.length > LIST_PAGE };
}

async function loadFile(fileId: string): Promise<PersonFileDoc> {
  const doc = await readDoc<PersonFileDoc>(FILES, fileId);
  ensure(doc, 'not-found', '找不到该档案');
  return doc;
}

/** The admin's single-file view: everything, private fields in full, entries newest first, pending proposals. */
export async function fileForAdmin(fileId: string) {
  const doc = await loadFile(fileId);
  const pending = await db.collection<ProposalDoc>(PROPOSALS).where({ fileId, status: 'pending' }).orderBy('createdAt', 'asc').limit(100).get();
  return { file: { ...doc, entries: [...doc.entries].sort(byDateDesc) }, proposals: pending.data };
}

/**
 * A secretary's own file. Decision: no private field, not even her own — she knows her phone number, and
 * a phone left unlocked or a screenshot then shows nothing sensitive; the office keeps and corrects them.
 */
export async function ownFile(secretaryId: string) {
  const res = await db.collection<PersonFileDoc>(FILES).where({ secretaryId }).limit(1).get();
  const doc = res.data[0];
  const proposals = await db.collection<ProposalDoc>(PROPOSALS).where({ secretaryId }).orderBy('createdAt', 'desc').limit(50).get();
  const mine = proposals.data.map(({ _id, entry, status, reason, createdAt, decidedAt }) => ({ _id, entry, status, reason, createdAt, decidedAt }));
  if (!doc) return { file: null, proposals: mine };
  const { importJobId: _job, ...rest } = withoutPrivateFields(doc);
  return { file: { ...rest, entries: [...doc.entries].sort(byDateDesc) }, proposals: mine };
}

export async function addEntry(fileId: string, input: EntryInput, actor: string, now: Date): Promise<ArchiveEntry> {
  const entry: ArchiveEntry = { ...input, id: newEntryId(now), recordedAt: now, origin: 'admin' };
  await inTransaction(async (t) => {
    const doc = await readInTransaction<PersonFileDoc>(t, FILES, fileId);
    ensure(doc, 'not-found', '找不到该档案');
    await t.collection(FILES).doc(fileId).update({ data: { entries: _.push(entry), updatedAt: now } });
    await auditIn(t, { actor, action: 'archive.addEntry', target: `${FILES}/${fileId}`, before: null, after: input });
  });
  return entry;
}

export async function editEntry(fileId: string, entryId: string, input: EntryInput, actor: string, now: Date): Promise<ArchiveEntry> {
  return inTransaction(async (t) => {
    const doc = await readInTransaction<PersonFileDoc>(t, FILES, fileId);
    ensure(doc, 'not-found', '找不到该档案');
    const old = doc.entries.find((e) => e.id === entryId);
    ensure(old, 'not-found', '找不到该条记录');
    const updated: ArchiveEntry = { ...old, ...input };
    // The whole list is rewritten, and the transaction's write conflict guards against a concurrent edit.
    await t.collection(FILES).doc(fileId).update({ data: { entries: _.set(doc.entries.map((e) => (e.id === entryId ? updated : e))), updatedAt: now } });
    const { id: _i, recordedAt: _r, origin: _o, ...before } = old;
    await auditIn(t, { actor, action: 'archive.editEntry', target: `${FILES}/${fileId}`, before, after: input });
    return updated;
  });
}

export async function updateBasics(fileId: string, changes: Partial<FileBasics>, actor: string, now: Date) {
  ensure(Object.keys(changes).length > 0, 'invalid-argument', '没有要修改的内容');
  return inTransaction(async (t) => {
    const doc = await readInTransaction<PersonFileDoc>(t, FILES, fileId);
    ensure(doc, 'not-found', '找不到该档案');
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, doc[k as keyof FileBasics]]));
    await t.collection(FILES).doc(fileId).update({ data: { ...changes, updatedAt: now } });
    await auditIn(t, { actor, action: 'archive.updateBasics', target: `${FILES}/${fileId}`, before: maskedForAudit(before), after: maskedForAudit(changes) });
    return { ...doc, ...changes, updatedAt: now };
  });
}

export async function propose(secretaryId: string, entry: EntryInput, now: Date) {
  const res = await db.collection<PersonFileDoc>(FILES).where({ secretaryId }).limit(1).field({ _id: true, name: true }).get();
  const file = res.data[0];
  ensure(file, 'failed-precondition', '您的档案尚未建立，请联系区委组织部');
  const pending = await db.collection(PROPOSALS).where({ secretaryId, status: 'pending' }).count();
  ensure(pending.total < MAX_PENDING_PROPOSALS, 'resource-exhausted', `待确认的记录已有 ${MAX_PENDING_PROPOSALS} 条，请等组织部确认后再提交`);
  const doc: Omit<ProposalDoc, '_id'> = { fileId: file._id, secretaryId, name: file.name, entry, status: 'pending', reason: '', createdAt: now, decidedAt: null };
  const added = await db.collection(PROPOSALS).add({ data: doc });
  return { _id: added._id, entry, status: doc.status, reason: '', createdAt: now, decidedAt: null };
}

export async function listProposals(status: ProposalDoc['status']) {
  const res = await db.collection<ProposalDoc>(PROPOSALS).where({ status }).orderBy('createdAt', 'asc').limit(100).get();
  return { items: res.data };
}

/** Confirm copies the proposed entry into the file (its id = the proposal's, so it can never be added twice). */
export async function decideProposal(proposalId: string, decision: 'confirm' | 'reject', reason: string | undefined, actor: string, now: Date) {
  if (decision === 'reject') ensure(reason, 'invalid-argument', '退回时请填写原因');
  return inTransaction(async (t) => {
    const proposal = await readInTransaction<ProposalDoc>(t, PROPOSALS, proposalId);
    ensure(proposal, 'not-found', '找不到该条待确认记录');
    if (proposal.status !== 'pending') throw new AppError('failed-precondition', '该记录已经处理过了');
    if (decision === 'confirm') {
      const file = await readInTransaction<PersonFileDoc>(t, FILES, proposal.fileId);
      ensure(file, 'not-found', '找不到该档案');
      const entry: ArchiveEntry = { ...proposal.entry, id: proposalId, recordedAt: now, origin: 'proposal' };
      if (!file.entries.some((e) => e.id === proposalId)) await t.collection(FILES).doc(proposal.fileId).update({ data: { entries: _.push(entry), updatedAt: now } });
    }
    const status = decision === 'confirm' ? 'confirmed' : 'rejected';
    await t.collection(PROPOSALS).doc(proposalId).update({ data: { status, reason: reason ?? '', decidedAt: now } });
    await auditIn(t, { actor, action: 'archive.decideProposal', target: `${FILES}/${proposal.fileId}`, before: { status: 'pending' }, after: { status, reason: reason ?? '', entry: proposal.entry } });
    return { ...proposal, status, reason: reason ?? '', decidedAt: now };
  });
}

/** Fields an admin may change on a file; every other key is refused by the action's schema. */
export const EDITABLE_BASICS = ['name', 'gender', 'birth', 'street', 'community', 'post', 'education', ...PRIVATE_FIELDS] as const;
