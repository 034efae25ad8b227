import type { Envelope, SalonQuestionView } from '@yanzhen/domain';
import { callFunction } from '../services/cloud';

/** Calls of the `salon` function for 你问我答 and the archive (docs/api.md, salon). */
export type SalonQuestion = SalonQuestionView;

export interface SalonCommentView {
  _id: string;
  caseSecretaryId: string | null;
  caseTitle: string | null;
  department: string;
  speaker: string;
  text: string;
  createdAt: string;
}

export interface SalonQaData {
  salonId: string;
  open: boolean;
  items: SalonQuestion[];
  comments: SalonCommentView[];
  cases: { secretaryId: string; name: string; caseTitle: string }[];
  viewer: { canAsk: boolean; canUpvote: boolean; canAnswer: boolean; canMarkOnSite: boolean; canComment: boolean; secretaryId: string | null };
}

export interface ArchiveItem {
  _id: string;
  title: string;
  topic: string;
  theme: string;
  date: string;
  hostStreet: string;
  presenters: { name: string; community: string; caseTitle: string }[];
  hasMinutes: boolean;
  photoCount: number;
  coverUrl: string | null;
}

export interface ArchiveRecord {
  salon: { _id: string; title: string; topic: string; theme: string; date: string; place: string; hostStreet: string; presenters: { secretaryId: string; name: string; community: string; caseTitle: string }[]; departments: string[]; experts: string[] };
  archived: boolean;
  minutes: string;
  photos: { fileId: string; caption: string; url: string | null }[];
  qa: SalonQaData;
}

const salon = <T>(data: object): Promise<Envelope<T>> => callFunction<T>('salon', data);

export const loadSalonQa = (salonId: string) => salon<SalonQaData>({ action: 'questions', salonId });
export const askQuestion = (salonId: string, text: string) => salon<SalonQuestion>({ action: 'ask', salonId, text });
export const upvoteQuestion = (questionId: string) => salon<{ upvotes: number; voted: boolean }>({ action: 'upvote', questionId });
export const answerQuestion = (questionId: string, text: string) => salon<SalonQuestion>({ action: 'answer', questionId, text });
export const markOnSite = (questionId: string, answeredOnSite: boolean) => salon<{ answeredOnSite: boolean }>({ action: 'markOnSite', questionId, answeredOnSite });
export const addComment = (salonId: string, caseSecretaryId: string | null, department: string, text: string) =>
  salon<SalonCommentView>({ action: 'comment', salonId, caseSecretaryId, department, text });
export const loadArchive = (query: { topic?: string; street?: string; q?: string }) => salon<{ items: ArchiveItem[]; topics: string[] }>({ action: 'archiveList', ...query });
export const loadArchiveRecord = (salonId: string) => salon<ArchiveRecord>({ action: 'archiveGet', salonId });
export const remindMe = (salonId: string) => salon<{ subscribed: boolean }>({ action: 'remindMe', salonId });
