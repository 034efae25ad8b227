import type { DimensionKey, Envelope, ShowcaseCard } from '@yanzhen/domain';
import { callFunction } from './cloud';

export type { ShowcaseCard };

export interface FeedQuery {
  street?: string;
  tag?: DimensionKey;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface FeedPage {
  items: ShowcaseCard[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  nextPage: number | null;
}

/** A contest the secretary is an approved candidate in, with what the vote button needs. */
export interface ShowcaseContest {
  contestId: string;
  candidateId: string;
  title: string;
  year: number;
  status: string;
  votingOpen: boolean;
  voteRule: { perDay: number; perCandidatePerDay: number };
  voteStart: string;
  voteEnd: string;
}

export interface ShowcaseDetail {
  _id: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  story: string;
  paragraphs: string[];
  achievements: string[];
  tags: DimensionKey[];
  photoFileId: string | null;
  photoUrl: string | null;
  images: { fileID: string; url: string | null }[];
  publishedAt: string | null;
  contests: ShowcaseContest[];
}

export interface PosterCode {
  fileID: string;
  tempFileURL: string;
  scene: string;
}

/** Drops empty filters: the function's schema is strict, and an empty `q` means "no search". */
function compact(query: FeedQuery): FeedQuery {
  const out: FeedQuery = {};
  if (query.street) out.street = query.street;
  if (query.tag) out.tag = query.tag;
  const q = query.q?.trim();
  if (q) out.q = q;
  if (query.page) out.page = query.page;
  if (query.pageSize) out.pageSize = query.pageSize;
  return out;
}

export const showcaseFeed = (query: FeedQuery): Promise<Envelope<FeedPage>> =>
  callFunction<FeedPage>('showcase', { action: 'feed', ...compact(query) });

export const showcaseGet = (secretaryId: string): Promise<Envelope<ShowcaseDetail>> =>
  callFunction<ShowcaseDetail>('showcase', { action: 'get', secretaryId });

export const showcasePoster = (secretaryId: string): Promise<Envelope<PosterCode>> =>
  callFunction<PosterCode>('showcase', { action: 'poster', secretaryId });
