import type { ShowcaseCard, ShowcaseDoc } from '@yanzhen/domain';
import { tempUrls } from '../shared/storage';

export type { ShowcaseCard };

const EXCERPT_LENGTH = 60;

export function excerptOf(story: string): string {
  const first = story.split(/\n\s*\n/)[0]?.trim() ?? '';
  return first.length > EXCERPT_LENGTH ? `${first.slice(0, EXCERPT_LENGTH)}…` : first;
}

export function toCard(doc: ShowcaseDoc): ShowcaseCard {
  const content = doc.published;
  return {
    _id: doc._id,
    secretaryId: doc.secretaryId,
    name: doc.name,
    community: doc.community,
    street: doc.street,
    tags: content?.tags ?? [],
    excerpt: content ? excerptOf(content.story) : '',
    photoFileId: content?.photoFileId ?? null,
    photoUrl: null,
    featured: Boolean(doc.featured),
  };
}

export async function withPhotoUrls<T extends { photoFileId: string | null; photoUrl: string | null }>(cards: T[]): Promise<T[]> {
  const urls = await tempUrls(cards.map((c) => c.photoFileId));
  return cards.map((c) => ({ ...c, photoUrl: c.photoFileId ? urls.get(c.photoFileId) ?? null : null }));
}
