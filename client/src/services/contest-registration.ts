import { REGISTRATION_RESULT_TEMPLATE_ID, type Envelope, type RegistrationStatus, type Street } from '@yanzhen/domain';
import { callFunction } from './cloud';
import { photoExtension, uploadToCloudPath, type PickedPhoto } from './storage';

/** Typed calls for contest registration (secretary) and its review (admin): docs/api.md, `contest` function. */

export interface RegistrationPhoto {
  fileID: string;
  url: string | null;
  /** Admin view only: the photo's content-security verdict. */
  check?: 'pending' | 'pass' | 'risky';
}

export interface Registration {
  _id: string;
  contestId: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  status: RegistrationStatus;
  statusLabel: string;
  rejectReason: string | null;
  materials: { summary: string; projectTitle: string; projectDescription: string; photoFileIds: string[] };
  photos: RegistrationPhoto[];
  notifyResult: boolean;
  submittedAt: string;
  reviewedAt: string | null;
}

export interface OpenContest {
  _id: string;
  title: string;
  year: number;
  theme: string;
  registrationStart: string;
  registrationEnd: string;
}

export interface MyRegistrations {
  secretaryId: string;
  open: OpenContest[];
  items: (Registration & { contestTitle: string; year: number; registrationOpen: boolean })[];
}

export interface RegistrationInput {
  contestId: string;
  summary: string;
  projectTitle: string;
  projectDescription: string;
  photoFileIds: string[];
  notifyResult: boolean;
}

const contest = <T>(action: string, params: object = {}) => callFunction<T>('contest', { action, ...params });

export const myRegistrations = (): Promise<Envelope<MyRegistrations>> => contest('myRegistrations');
export const register = (input: RegistrationInput): Promise<Envelope<Registration>> => contest('register', input);
export const withdrawRegistration = (contestId: string): Promise<Envelope<Registration>> => contest('withdrawRegistration', { contestId });

/** Whether `requestSubscribeMessage`'s answer accepted the result message (the page asks, inside its submit tap). */
export const acceptedResultMessage = (res: unknown): boolean =>
  typeof res === 'object' && res !== null && (res as Record<string, unknown>)[REGISTRATION_RESULT_TEMPLATE_ID] === 'accept';

/** Uploads a registration photo under `contest/<contestId>/<secretaryId>/`, the folder `register` accepts. */
export function uploadRegistrationPhoto(contestId: string, secretaryId: string, photo: PickedPhoto): Promise<string> {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return uploadToCloudPath(`contest/${contestId}/${secretaryId}/${random}.${photoExtension(photo.type, photo.name ?? photo.path)}`, photo);
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  street?: Street;
}

export interface ReviewList {
  contest: { _id: string; title: string; year: number; registrationOpen: boolean };
  counts: Record<RegistrationStatus, number>;
  items: Registration[];
}

export interface BulkResult {
  decision: 'approve' | 'reject';
  done: string[];
  skipped: { candidateId: string; message: string }[];
}

export interface ExportedFile {
  fileID: string;
  tempFileURL: string;
  fileName: string;
  rows: number;
  bytes: number;
}

export const registrationList = (contestId: string, filter: RegistrationFilter): Promise<Envelope<ReviewList>> => contest('registrationList', { contestId, ...filter });

export function reviewRegistration(candidateId: string, decision: 'approve' | 'reject', reason?: string): Promise<Envelope<Registration>> {
  return contest('reviewRegistration', decision === 'reject' ? { candidateId, decision, reason: reason?.trim() ?? '' } : { candidateId, decision });
}

export function reviewRegistrations(contestId: string, candidateIds: string[], decision: 'approve' | 'reject', reason?: string): Promise<Envelope<BulkResult>> {
  return contest('reviewRegistrations', decision === 'reject' ? { contestId, candidateIds, decision, reason: reason?.trim() ?? '' } : { contestId, candidateIds, decision });
}

export const registrationsExport = (contestId: string, filter: RegistrationFilter): Promise<Envelope<ExportedFile>> => contest('registrationsExport', { contestId, ...filter });
