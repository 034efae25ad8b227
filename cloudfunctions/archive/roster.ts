import { randomBytes } from 'node:crypto';
import {
  AppError, ensure, inChina, rosterId, rosterView, STREETS,
  type PersonFileDoc, type RosterChange, type RosterChangeInput, type RosterDoc, type RosterMember, type Street,
} from '@yanzhen/domain';
import { appendAudit, auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import { inTransaction, readInTransaction } from '../shared/transaction';
import { FILES } from './files';
import { rosterWorkbook, type RosterFileFacts } from './workbook';
import { publishFile } from '../shared/workbook';

/**
 * Street rosters (一街一册): `rosters/roster-NN`, one per street, holding its communities, the current "两委"
 * members and every change (who joined or left which post, when, why). A change rewrites the one document
 * and appends its audit entry in the same transaction.
 */
export const ROSTERS = 'rosters';

export const emptyRoster = (street: Street, now: Date): RosterDoc => ({
  _id: rosterId(street), street, communities: [], members: [], history: [], importJobs: [], updatedAt: now,
});

export async function loadRoster(street: Street): Promise<RosterDoc | undefined> {
  return readDoc<RosterDoc>(ROSTERS, rosterId(street));
}

export async function rosterFor(street: Street) {
  const doc = (await loadRoster(street)) ?? emptyRoster(street, new Date(0));
  return rosterView(doc);
}

/** Counts per street for the admin's street picker (the 17 documents, without their history). */
export async function rosterSummary() {
  const res = await db.collection<RosterDoc>(ROSTERS).where({}).limit(100).field({ street: true, communities: true, members: true }).get();
  const byStreet = new Map(res.data.map((d) => [d.street, d]));
  return {
    items: STREETS.map((street) => {
      const d = byStreet.get(street);
      return { street, communities: d ? new Set([...d.communities, ...d.members.map((m) => m.community)]).size : 0, members: d?.members.length ?? 0 };
    }),
  };
}

const sameSeat = (m: RosterMember, c: RosterChangeInput) => m.community === c.community && m.name === c.name && m.post === c.post;

export async function changeRoster(input: RosterChangeInput, actor: string, now: Date) {
  if (input.fileId) ensure(await readDoc(FILES, input.fileId, { _id: true }), 'not-found', '找不到该档案编号');
  const id = rosterId(input.street);
  return inTransaction(async (t) => {
    const doc = (await readInTransaction<RosterDoc>(t, ROSTERS, id)) ?? emptyRoster(input.street, now);
    const change: RosterChange = {
      id: `c-${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`, date: input.date, community: input.community, name: input.name,
      post: input.post, change: input.change, reason: input.reason, recordedAt: now,
    };
    let members: RosterMember[];
    if (input.change === 'join') {
      if (doc.members.some((m) => sameSeat(m, input))) throw new AppError('already-exists', `${input.name}已是${input.community}${input.post}`);
      members = [...doc.members, { id: change.id, community: input.community, name: input.name, post: input.post, since: input.date, fileId: input.fileId ?? null }];
    } else {
      const leaving = doc.members.find((m) => sameSeat(m, input));
      ensure(leaving, 'not-found', `名册中没有${input.community}${input.post}${input.name}`);
      members = doc.members.filter((m) => m !== leaving);
    }
    const communities = doc.communities.includes(input.community) ? doc.communities : [...doc.communities, input.community];
    const { _id: _ignored, ...rest } = doc;
    await t.collection(ROSTERS).doc(id).set({ data: { ...rest, communities, members, history: [...doc.history, change], updatedAt: now } });
    const { street, community, name, post, date, reason } = input;
    await auditIn(t, { actor, action: 'archive.changeRoster', target: `${ROSTERS}/${id}`, before: null, after: { street, community, name, post, change: input.change, date, reason } });
    return rosterView({ ...doc, communities, members, history: [...doc.history, change] });
  });
}

/** The roster as a workbook in cloud storage; linked files add gender, birth, education and latest training. */
export async function exportRoster(street: Street, actor: string, now: Date) {
  const view = await rosterFor(street);
  const fileIds = [...new Set(view.communities.flatMap((c) => c.members.map((m) => m.fileId)).filter((f): f is string => !!f))];
  const files = new Map<string, RosterFileFacts>();
  for (let i = 0; i < fileIds.length; i += 500) {
    const res = await db.collection<PersonFileDoc>(FILES).where({ _id: _.in(fileIds.slice(i, i + 500)) }).limit(500)
      .field({ gender: true, birth: true, education: true, entries: true }).get();
    for (const f of res.data) files.set(f._id, f);
  }
  const day = inChina(now).format('YYYY-MM-DD');
  const bytes = await rosterWorkbook(view, files, day);
  const stamp = inChina(now).format('YYYYMMDD-HHmmss');
  // A random part: the temporary URL is the only key to the file, and names must not be guessable.
  const cloudPath = `exports/rosters/${rosterId(street)}-${stamp}-${randomBytes(6).toString('hex')}.xlsx`;
  const published = await publishFile(cloudPath, bytes);
  await appendAudit({ actor, action: 'archive.exportRoster', target: `${ROSTERS}/${rosterId(street)}`, before: null, after: { street, members: view.communities.reduce((n, c) => n + c.members.length, 0) } });
  return { ...published, fileName: `${street}街道两委名册-${day}.xlsx` };
}
