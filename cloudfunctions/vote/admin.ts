import { closedWindow, type BallotBoxDoc, type ContestDoc, type VoteRecord } from '@yanzhen/domain';
import { appendAudit, auditIn } from '../shared/audit';
import { _, db } from '../shared/cloud';
import { BOXES } from './ballot-box';
import { contestRules, forgetContestRules, RULES_TTL_MS } from './rules';

/**
 * What the district office does with a contest's public vote: close it now, and export every vote on
 * record (from the ballot boxes' logs: voter key, candidate, time), page by page.
 */

/**
 * Ends the voting window now (contest and audit entry in one transaction). This instance forgets its
 * cached rules at once; the others within RULES_TTL_MS, the delay the answer states.
 */
export async function closeVoting(contestId: string, actor: string, now: Date) {
  await contestRules(contestId); // not-found for an unknown contest, before any write
  const vote = await db.runTransaction(async (t) => {
    const ref = t.collection('contests').doc(contestId);
    const contest = (await ref.get()).data as ContestDoc;
    const closed = closedWindow(contest.vote, now);
    const before = { start: contest.vote.start, end: contest.vote.end };
    const after = { start: closed.start, end: closed.end };
    if (new Date(before.end).getTime() !== after.end.getTime()) {
      await ref.update({ data: { vote: after } });
      await auditIn(t, { actor, action: 'vote.close', target: `contests/${contestId}`, before, after });
    }
    return after;
  });
  forgetContestRules(contestId);
  return { voteStart: vote.start, voteEnd: vote.end, effectiveWithinSeconds: RULES_TTL_MS / 1000 };
}

export interface ExportedVote extends VoteRecord {
  day: string;
  candidateName: string | null;
}

/** Where an export page stopped: a box and a position in its log. */
export const EXPORT_CURSOR = /^([A-Za-z0-9_:-]{1,100})\|(\d{1,9})$/;

function parseCursor(cursor: string | undefined): { boxId: string | null; offset: number } {
  const m = cursor ? EXPORT_CURSOR.exec(cursor) : null;
  return m ? { boxId: m[1], offset: Number(m[2]) } : { boxId: null, offset: 0 };
}

/** Up to `limit` votes after `cursor`, in box order then log order; `nextCursor` null at the end. */
export async function exportVotes(contestId: string, cursor: string | undefined, limit: number, actor: string): Promise<{ items: ExportedVote[]; nextCursor: string | null }> {
  const { candidates } = await contestRules(contestId);
  // An export is on the audit trail once, when it starts (its first page).
  if (!cursor) await appendAudit({ actor, action: 'vote.export', target: `contests/${contestId}`, before: null, after: { limit } });
  let { boxId, offset } = parseCursor(cursor);
  const items: ExportedVote[] = [];
  const boxes = db.collection(BOXES);
  while (items.length < limit) {
    const where = boxId === null ? { contestId } : { contestId, _id: _.gte(boxId) };
    const res = await boxes
      .where(where)
      .orderBy('_id', 'asc')
      .limit(1)
      // Only the slice of the log this page needs: a box can hold thousands of votes.
      .field({ day: true, votes: true, log: _.project.slice([offset, limit - items.length]) })
      .get();
    const box = res.data[0] as Pick<BallotBoxDoc, '_id' | 'day' | 'votes' | 'log'> | undefined;
    if (!box) return { items, nextCursor: null };
    if (box._id !== boxId && offset !== 0) {
      // The cursor's box is gone from the order (cannot happen: boxes are never removed); start the next one.
      boxId = box._id;
      offset = 0;
      continue;
    }
    boxId = box._id;
    for (const r of box.log ?? []) items.push({ voter: r.voter, candidateId: r.candidateId, at: r.at, day: box.day, candidateName: candidates.get(r.candidateId)?.name ?? null });
    offset += box.log?.length ?? 0;
    if (offset >= box.votes) {
      const next = await boxes.where({ contestId, _id: _.gt(boxId) }).orderBy('_id', 'asc').limit(1).field({ _id: true }).get();
      if (!next.data[0]) return { items, nextCursor: null };
      boxId = (next.data[0] as { _id: string })._id;
      offset = 0;
    }
  }
  return { items, nextCursor: `${boxId}|${offset}` };
}
