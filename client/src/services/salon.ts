import type { Envelope, MySignup, SalonStatus, SalonTopic, Street } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** The `salon` function's planning, sign-up and check-in actions (docs/api.md, "salon"). */
export interface SalonListItem {
  _id: string;
  title: string;
  date: string;
  hostStreet: string;
  topic: string;
  theme: string;
  status: SalonStatus;
  place: string;
  presenterCount: number;
  capacity: number;
  seatsLeft: number;
}

export interface SalonPresenter {
  secretaryId: string;
  name: string;
  community: string;
  caseTitle: string;
}

export interface SalonDetail extends Omit<SalonListItem, 'presenterCount'> {
  location: { longitude: number; latitude: number } | null;
  presenters: SalonPresenter[];
  departments: string[];
  experts: string[];
  signupOpensAt: string;
  signupClosesAt: string;
  signedUp: number;
  waitingCount: number;
  checkedInCount: number;
  me: MySignup | null;
}

export interface RotationView {
  order: Street[];
  nextIndex: number;
  proposedHost: Street;
  nextIssue: number;
  skips: { street: Street; reason: string; at: string }[];
}

export interface CalendarMonth {
  month: string;
  salon: { _id: string; title: string; date: string; hostStreet: string; topic: string; theme: string; status: SalonStatus } | null;
  proposedHost: Street | null;
}

export interface NewSalon {
  hostStreet: Street;
  date: string;
  topic: SalonTopic;
  theme: string;
  place: string;
  location: { longitude: number; latitude: number };
  departments: string[];
  capacity: number;
  signupOpensAt: string;
  signupClosesAt: string;
}

export interface CheckInCode {
  scene: string;
  fileID: string;
  tempFileURL: string;
  validOn: string;
}

export const listSalons = (filters: { topic?: string; street?: string }): Promise<Envelope<{ items: SalonListItem[]; hasMore: boolean }>> =>
  callFunction('salon', { action: 'list', ...(filters.topic ? { topic: filters.topic } : {}), ...(filters.street ? { street: filters.street } : {}) });
export const getSalon = (salonId: string): Promise<Envelope<SalonDetail>> => callFunction('salon', { action: 'get', salonId });
export const signUpSalon = (salonId: string): Promise<Envelope<MySignup>> => callFunction('salon', { action: 'signUp', salonId });
export const cancelSalon = (salonId: string): Promise<Envelope<MySignup>> => callFunction('salon', { action: 'cancel', salonId });
export const checkInSalon = (req: { scene: string; salonId?: string; scannedAt?: string }): Promise<Envelope<{ salonId: string; checkedIn: boolean; first: boolean }>> =>
  callFunction('salon', { action: 'checkIn', ...req });

export const salonCalendar = (): Promise<Envelope<{ items: CalendarMonth[]; rotation: RotationView }>> => callFunction('salon', { action: 'calendar', months: 12 });
export const skipHost = (street: Street, reason: string): Promise<Envelope<RotationView>> => callFunction('salon', { action: 'skipHost', street, reason });
export const createSalon = (salon: NewSalon): Promise<Envelope<SalonDetail>> => callFunction('salon', { action: 'create', ...salon });
export const salonCheckInCode = (salonId: string): Promise<Envelope<CheckInCode>> => callFunction('salon', { action: 'checkInCode', salonId });
