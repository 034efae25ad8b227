import type { DimensionKey } from './contest';

/** A secretary's archive record (一人一档); `phone` and `idNumber` are private: admin views only. */
export interface SecretaryDoc {
  _id: string;
  name: string;
  gender: '男' | '女';
  community: string;
  street: string;
  /** Reserve pipeline 雏雁 → 青雁 → 头雁. */
  tier: '雏雁' | '青雁' | '头雁';
  since: number;
  phone: string;
  idNumber: string;
  createdAt: Date;
}

export const PRIVATE_SECRETARY_FIELDS = ['phone', 'idNumber'] as const;

export interface ShowcaseContent {
  /** Plain paragraphs separated by blank lines; rendered as rich text. */
  story: string;
  achievements: string[];
  tags: DimensionKey[];
  photoFileId?: string;
  imageFileIds: string[];
}

/** One per secretary. The public page shows only `published`; an edit waits in `draft` until reviewed. */
export interface ShowcaseDoc {
  _id: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  featured: boolean;
  published: ShowcaseContent | null;
  draft: ShowcaseContent | null;
  reviewStatus: 'none' | 'pending' | 'rejected';
  rejectReason?: string;
  publishedAt?: Date;
  updatedAt: Date;
}

/**
 * The public face of a showcase, shared by the feed, the home page and the contest's candidate list.
 * Built only from `published` content: a draft never reaches it.
 */
export interface ShowcaseCard {
  _id: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  tags: DimensionKey[];
  /** First paragraph of the story, short. */
  excerpt: string;
  photoFileId: string | null;
  /** An https URL for the photo (temporary, 2 h), or null. */
  photoUrl: string | null;
  featured: boolean;
}
