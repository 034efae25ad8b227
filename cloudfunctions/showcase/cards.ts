import type { ShowcaseCard, ShowcaseDoc } from '@yanzhen/domain';
import { cloud } from '../shared/cloud';

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

/** Temporary URLs for many cloud file ids in one storage call; unknown files map to null. */
export async function tempUrls(fileIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && f.startsWith('cloud://')))];
  const urls = new Map<string, string>();
  if (wanted.length === 0) return urls;
  try {
    // Typed `Promise | void` by the SDK (void only in its callback style, unused here).
    const res = (await cloud.getTempFileURL({ fileList: wanted })) as { fileList: { fileID: string; status: number; tempFileURL: string }[] };
    for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL);
  } catch (err) {
    // A missing photo must not take the page down: the card shows its placeholder instead.
    console.warn('[showcase] getTempFileURL failed', err);
  }
  return urls;
}

export async function withPhotoUrls<T extends { photoFileId: string | null; photoUrl: string | null }>(cards: T[]): Promise<T[]> {
  const urls = await tempUrls(cards.map((c) => c.photoFileId));
  return cards.map((c) => ({ ...c, photoUrl: c.photoFileId ? urls.get(c.photoFileId) ?? null : null }));
}
