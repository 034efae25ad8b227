import { ensure, salonStatus, type GeoPoint, type MySignup, type SalonDoc } from '@yanzhen/domain';
import { readDoc } from '../shared/cloud';
import type { Caller } from '../shared/identity';

/** What anyone may see of a salon: its stored fields but the sign-up lists (secretary ids) and the check-in secret. */
export type PublicSalon = Omit<SalonDoc, 'location' | 'accepted' | 'waiting' | 'checkedIn' | 'checkInTimes' | 'checkInSecret' | 'createdAt' | 'updatedAt'> & {
  location: { longitude: number; latitude: number } | null;
  signedUp: number;
  waitingCount: number;
  checkedInCount: number;
};

/** The SDK reads a stored `db.Geo.Point` back as its Point class (longitude/latitude); aggregate gives GeoJSON. */
export function pointOf(location: unknown): { longitude: number; latitude: number } | null {
  const p = location as { longitude?: unknown; latitude?: unknown; coordinates?: unknown } | null | undefined;
  if (typeof p?.longitude === 'number' && typeof p.latitude === 'number') return { longitude: p.longitude, latitude: p.latitude };
  const c = (p as GeoPoint | undefined)?.coordinates;
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? { longitude: c[0], latitude: c[1] } : null;
}

export function publicSalon(s: SalonDoc, now: Date): PublicSalon {
  return {
    _id: s._id,
    title: s.title,
    topic: s.topic,
    theme: s.theme,
    date: s.date,
    place: s.place,
    location: pointOf(s.location),
    hostStreet: s.hostStreet,
    presenters: s.presenters ?? [],
    departments: s.departments ?? [],
    experts: s.experts ?? [],
    capacity: s.capacity,
    signupOpensAt: s.signupOpensAt,
    signupClosesAt: s.signupClosesAt,
    status: salonStatus(s, now),
    seatsLeft: s.seatsLeft,
    signedUp: (s.accepted ?? []).length,
    waitingCount: (s.waiting ?? []).length,
    checkedInCount: (s.checkedIn ?? []).length,
  };
}

/** How one secretary stands with the salon. */
export function signupOf(s: Pick<SalonDoc, 'accepted' | 'waiting' | 'checkedIn'>, secretaryId: string): MySignup {
  const checkedIn = (s.checkedIn ?? []).includes(secretaryId);
  if ((s.accepted ?? []).includes(secretaryId)) return { status: 'accepted', checkedIn };
  const i = (s.waiting ?? []).indexOf(secretaryId);
  return i >= 0 ? { status: 'waiting', position: i + 1, checkedIn } : { status: 'none', checkedIn };
}

/** The caller's own sign-up when the caller is a bound secretary; null for everyone else (and logged out). */
export async function callerSignup(s: SalonDoc, caller: Caller): Promise<MySignup | null> {
  if (!caller.openid) return null;
  const profile = await caller.profile();
  return profile.secretaryId ? signupOf(s, profile.secretaryId) : null;
}

export async function loadSalon(salonId: string): Promise<SalonDoc> {
  const salon = await readDoc<SalonDoc>('salons', salonId);
  ensure(salon, 'not-found', '找不到这期沙龙');
  return salon;
}

type GeoApi = { Geo: { Point: new (longitude: number, latitude: number) => unknown } };

/** `db.Geo.Point(longitude, latitude)`: the SDK's geo value (missing from our promise-only `Db` typing). */
export const geoPoint = (database: unknown, p: { longitude: number; latitude: number }): unknown => new (database as GeoApi).Geo.Point(p.longitude, p.latitude);
