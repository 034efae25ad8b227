import type { DimensionKey, Envelope } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** One version of a showcase's content (the draft or the published one), as the `showcase` function stores it. */
export interface ShowcaseContentView {
  story: string;
  achievements: string[];
  tags: DimensionKey[];
  photoFileId?: string;
  imageFileIds: string[];
}

/** The owner's (and the reviewing admin's) view of a showcase: both versions and where the review stands. */
export interface OwnerShowcase {
  _id: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  draft: ShowcaseContentView | null;
  published: ShowcaseContentView | null;
  reviewStatus: 'none' | 'pending' | 'rejected';
  rejectReason: string | null;
  publishedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface MyShowcase {
  secretaryId: string;
  showcase: OwnerShowcase | null;
}

export interface DraftInput {
  story: string;
  achievements: string[];
  tags: DimensionKey[];
  photoFileId?: string;
  imageFileIds?: string[];
}

export const loadMyShowcase = (): Promise<Envelope<MyShowcase>> => callFunction<MyShowcase>('showcase', { action: 'myShowcase' });

export const saveDraft = (draft: DraftInput): Promise<Envelope<OwnerShowcase>> =>
  callFunction<OwnerShowcase>('showcase', { action: 'saveDraft', ...draft });

export const submitForReview = (): Promise<Envelope<OwnerShowcase>> => callFunction<OwnerShowcase>('showcase', { action: 'submitForReview' });

export type EditState = 'empty' | 'draft' | 'pending' | 'rejected' | 'published';

/** Where the secretary's showcase stands, in one word for the status badge. */
export function editState(s: OwnerShowcase | null): EditState {
  if (!s) return 'empty';
  if (s.reviewStatus === 'pending') return 'pending';
  if (s.reviewStatus === 'rejected') return 'rejected';
  if (s.draft) return 'draft';
  return s.published ? 'published' : 'empty';
}

export const EDIT_STATE_LABELS: Record<EditState, string> = {
  empty: '尚未填写',
  draft: '草稿',
  pending: '审核中',
  rejected: '已退回',
  published: '已发布',
};
