import { newBallotBox, usageOf, voteUpdatePlan, EMPTY_USAGE, type BallotBoxDoc, type QuotaUsage, type VoteRecord } from '@yanzhen/domain';
import { _, db, readDoc } from '../shared/cloud';
import { textOf } from '../shared/transaction';

/**
 * The database side of a ballot box (docs/voting.md): one read of one voter's entry, and the one write
 * that records a vote. Nothing here decides anything; `cast.ts` asks the domain rules.
 */
export const BOXES = 'ballotBoxes';

export interface VoterEntry {
  /** Whether the box exists yet (the first vote of a box's day creates it). */
  boxExists: boolean;
  usage: QuotaUsage;
}

/** One read: the box's entry for this voter only (a projection), not the box's other voters or log. */
export async function readVoterEntry(boxId: string, voterKey: string): Promise<VoterEntry> {
  const path = `voters.${voterKey}`;
  const box = await readDoc<Pick<BallotBoxDoc, 'voters'>>(BOXES, boxId, { [path]: true });
  return box ? { boxExists: true, usage: usageOf(box.voters?.[voterKey]) } : { boxExists: false, usage: EMPTY_USAGE };
}

/**
 * One conditional update: counters, tally and log change together, and only if the voter's total is
 * still `expectedTotal`. `true` = recorded; `false` = the voter's entry moved meanwhile (their own
 * parallel vote) or the box does not exist.
 */
export async function recordInBox(boxId: string, record: VoteRecord, expectedTotal: number): Promise<boolean> {
  const plan = voteUpdatePlan(record.voter, record.candidateId, expectedTotal);
  const data: Record<string, unknown> = { log: _.push([record]), updatedAt: record.at };
  for (const path of plan.increments) data[path] = _.inc(1);
  const res = await db
    .collection(BOXES)
    .where({ _id: boxId, [plan.condition.path]: plan.condition.equals === null ? _.exists(false) : plan.condition.equals })
    .update({ data });
  return res.stats.updated === 1;
}

/**
 * Creates the box with its first vote in it (`add` with the deterministic `_id`). `false` when the box
 * already exists: someone else created it first, so the caller goes back to the conditional update.
 */
export async function createBoxWith(contestId: string, day: string, box: number, record: VoteRecord, usage: QuotaUsage): Promise<boolean> {
  try {
    await db.collection(BOXES).add({ data: { ...newBallotBox(contestId, day, box, record, usage), updatedAt: record.at } });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * CloudBase reports an existing `_id` on `add` as a failed database request (-502001) whose message
 * carries MongoDB's `E11000 duplicate key` (the emulator answers the same; the exact production text is
 * not documented, so both words are accepted).
 */
function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  const text = `${textOf(e?.errMsg)} ${textOf(e?.message)}`;
  return /E11000|duplicate/i.test(text);
}
