import type {
  BatchMeeting, BatchStatus, Envelope, PairingProposal, RecommendationDoc, ReserveDoc, ReserveSource, ReserveStage, StageChange, Street, StudioActivityKind, TalentPerson, VacancyPost,
} from '@yanzhen/domain';
import { callFunction } from './cloud';

/** Typed calls of the `talent` function (docs/api.md, 人才培育). Dates arrive as ISO strings over the wire. */

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A reserve as the function sends it: the stored document without its timestamps, dates as strings. */
export type ReserveRow = Omit<ReserveDoc, 'history' | 'createdAt' | 'updatedAt'> & { history: Wire<StageChange>[] };

export interface Pipeline {
  street: Street | null;
  stages: { stage: ReserveStage; items: ReserveRow[] }[];
  counts: ({ street: Street } & Record<ReserveStage, number>)[];
  total: number;
}

export interface VacancyCandidate {
  rank: number;
  _id: string;
  name: string;
  street: Street;
  community: string;
  stage: ReserveStage;
  stageSince: string;
  sameStreet: boolean;
}

export interface PublicStudio {
  _id: string;
  name: string;
  intro: string;
  leader: TalentPerson;
  members: TalentPerson[];
  activities: { id: string; kind: StudioActivityKind; title: string; date: string; summary: string }[];
}

export interface StudioCard {
  _id: string;
  name: string;
  leader: TalentPerson;
  memberCount: number;
  activityCount: number;
  latestActivity: { kind: StudioActivityKind; title: string; date: string } | null;
}

export interface BatchSummary {
  _id: string;
  title: string;
  status: BatchStatus;
  streets: Street[];
  kickoff: BatchMeeting | null;
  summaryMeeting: BatchMeeting | null;
  summary: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface ReportRow {
  _id: string;
  period: string;
  text: string;
  filedAt: string;
  comment: { text: string; at: string } | null;
}

export type Recommendation = Wire<RecommendationDoc> & { reports: (ReportRow & { secretaryId: string })[] };

export interface BatchDetail extends BatchSummary {
  streets: Street[];
  missing: Street[];
}

export interface BatchView extends Omit<BatchSummary, 'streets'> {
  streets: { street: Street; recommendation: Recommendation | null }[];
  missing: Street[];
}

export interface MyPairing {
  recommendationId: string;
  role: 'seconded' | 'mentor';
  batch: Pick<BatchSummary, '_id' | 'title' | 'status' | 'kickoff' | 'summaryMeeting' | 'summary' | 'openedAt'>;
  seconded: { name: string; community: string; street: string };
  mentor: { name: string; community: string; street: string } | null;
  wishes: string[];
  wishRank: number | null;
  reports: ReportRow[];
}

const talent = <T>(action: string, params: object = {}): Promise<Envelope<T>> => callFunction<T>('talent', { action, ...params });

export const pipeline = (street?: Street) => talent<Pipeline>('pipeline', street ? { street } : {});
export const addReserve = (p: { name: string; street: Street; community: string; source: ReserveSource; stage: ReserveStage; date: string }) => talent<ReserveRow>('addReserve', p);
export const moveStage = (reserveId: string, to: ReserveStage, reason: string, date: string) => talent<ReserveRow>('moveStage', { reserveId, to, reason, date });
export const proposeForVacancy = (street: Street, post: VacancyPost) => talent<{ ownStreetCount: number; candidates: VacancyCandidate[] }>('proposeForVacancy', { street, post });

export const studios = () => talent<{ items: StudioCard[] }>('studios');
export const studio = (studioId: string) => talent<PublicStudio>('studio', { studioId });

export const saveStudio = (p: { studioId?: string; name: string; intro: string; leaderId: string; memberIds: string[] }) => talent<PublicStudio>('saveStudio', p);
export const addStudioActivity = (p: { studioId: string; kind: StudioActivityKind; title: string; date: string; summary: string }) => talent<PublicStudio>('addStudioActivity', p);

export const batches = () => talent<{ items: BatchSummary[] }>('batches');
export const batch = (batchId: string) => talent<BatchView>('batch', { batchId });
export const openBatch = (title: string, streets: Street[]) => talent<BatchSummary>('openBatch', { title, streets });
export const recommend = (p: { batchId: string; street: Street; secretaryId: string; reason: string; wishes: string[] }) => talent<Recommendation>('recommend', p);
export const proposePairing = (batchId: string) => talent<PairingProposal>('proposePairing', { batchId });
export const pair = (batchId: string, pairs: { street: string; mentorId: string }[]) => talent<{ status: BatchStatus }>('pair', { batchId, pairs });
export const recordMeeting = (batchId: string, kind: 'kickoff' | 'summary', meeting: BatchMeeting) => talent<BatchSummary>('recordMeeting', { batchId, kind, ...meeting });
export const closeBatch = (batchId: string, summary: string) => talent<BatchSummary>('closeBatch', { batchId, summary });

export const myPairings = () => talent<{ items: MyPairing[] }>('myPairings');
export const fileReport = (batchId: string, period: string, text: string) => talent<ReportRow>('fileReport', { batchId, period, text });
export const commentReport = (reportId: string, text: string) => talent<ReportRow>('commentReport', { reportId, text });

export interface StreetBatches {
  street: Street | null;
  items: { batchId: string; title: string; recommended: { name: string; community: string; wishes: string[] } | null }[];
  secretaries: { secretaryId: string; name: string; community: string }[];
}

export const streetBatches = () => talent<StreetBatches>('streetBatches');
