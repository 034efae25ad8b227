import { ensure, type MySignup, type SalonDoc } from '@yanzhen/domain';
import { _, db, readDoc } from '../shared/cloud';
import { signupOf } from './salon-view';

/**
 * Places at a salon under concurrent sign-ups, CloudBase-style: no transaction and no counter read before a
 * write. The salon document holds `seatsLeft`, the `accepted` and the `waiting` lists, and every change is ONE
 * conditional update of that one document (`where({ _id, seatsLeft: _.gt(0), accepted: _.neq(me) … })`),
 * which the database applies atomically: of 30 parallel sign-ups for 20 places exactly 20 match the
 * condition while places are left, the others find `seatsLeft: 0` and join the waiting list.
 * A place freed (a cancellation, more capacity) goes to the first in line by the same kind of update, guarded
 * by "that person is still waiting and not yet accepted", so two movers never promote anyone twice.
 */
const MOVE_ATTEMPTS = 50;
const SIGNUP_FIELDS = { accepted: true, waiting: true, checkedIn: true, seatsLeft: true, status: true, signupOpensAt: true, signupClosesAt: true, date: true } as const;

type SeatState = Pick<SalonDoc, '_id' | 'accepted' | 'waiting' | 'checkedIn' | 'seatsLeft' | 'status' | 'signupOpensAt' | 'signupClosesAt' | 'date'>;

export async function seatState(salonId: string): Promise<SeatState> {
  const s = await readDoc<SeatState>('salons', salonId, SIGNUP_FIELDS);
  ensure(s, 'not-found', '找不到这期沙龙');
  return s;
}

/** Moves the waiting list up while places are free; answers who got a place. */
export async function fillSeats(salonId: string): Promise<string[]> {
  const moved: string[] = [];
  for (let i = 0; i < MOVE_ATTEMPTS; i += 1) {
    const s = await seatState(salonId);
    const first = s.waiting[0];
    if (s.seatsLeft <= 0 || first === undefined) return moved;
    const res = await db
      .collection('salons')
      .where({ _id: salonId, seatsLeft: _.gt(0), waiting: first, accepted: _.neq(first) })
      .update({ data: { waiting: _.pull(first), accepted: _.push(first), seatsLeft: _.inc(-1) } });
    if (res.stats.updated === 1) moved.push(first);
  }
  return moved;
}

function refusal(s: SeatState, now: Date): string {
  if (s.status === 'archived' || s.status === 'closed' || now >= new Date(s.signupClosesAt)) return '本期沙龙报名已截止';
  if (now < new Date(s.signupOpensAt)) return '本期沙龙报名还未开始';
  return '现在无法报名，请稍后再试';
}

/** Signs a secretary up: a place while any is left, else the end of the waiting list. Twice is once. */
export async function signUp(salonId: string, secretaryId: string, now: Date): Promise<MySignup> {
  const open = { signupOpensAt: _.lte(now), signupClosesAt: _.gt(now), status: _.in(['planned', 'open']) };
  const notYet = { accepted: _.neq(secretaryId), waiting: _.neq(secretaryId) };
  const salons = db.collection('salons');
  const seat = await salons.where({ _id: salonId, ...open, ...notYet, seatsLeft: _.gt(0) }).update({ data: { accepted: _.push(secretaryId), seatsLeft: _.inc(-1) } });
  if (seat.stats.updated === 1) return { status: 'accepted', checkedIn: false };
  const queued = await salons.where({ _id: salonId, ...open, ...notYet }).update({ data: { waiting: _.push(secretaryId) } });
  // A place may have been freed between the two updates: the waiting list moves up at once.
  if (queued.stats.updated === 1) await fillSeats(salonId);
  const s = await seatState(salonId);
  const mine = signupOf(s, secretaryId);
  ensure(mine.status !== 'none', 'failed-precondition', refusal(s, now));
  return mine;
}

/** Withdraws a sign-up (a place or a place in line) until the salon starts; the first in line moves up. */
export async function cancel(salonId: string, secretaryId: string, now: Date): Promise<MySignup & { promoted: string[] }> {
  const before = await seatState(salonId);
  ensure(now < new Date(before.date), 'failed-precondition', '沙龙已经开始，不能再取消报名');
  const salons = db.collection('salons');
  const freed = await salons.where({ _id: salonId, accepted: secretaryId, date: _.gt(now) }).update({ data: { accepted: _.pull(secretaryId), seatsLeft: _.inc(1) } });
  if (freed.stats.updated === 0) await salons.where({ _id: salonId, waiting: secretaryId }).update({ data: { waiting: _.pull(secretaryId) } });
  const promoted = freed.stats.updated === 1 ? await fillSeats(salonId) : [];
  return { ...signupOf(await seatState(salonId), secretaryId), promoted };
}
