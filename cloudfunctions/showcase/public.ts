import { ensure, type CandidateDoc, type ContestDoc, type DimensionKey } from '@yanzhen/domain';
import { _, db } from '../shared/cloud';
import { votingOf } from '../shared/contests';
import type { DbOperator } from '../shared/db-types';
import type { ShowcaseRecord } from './content';
import { tempUrls } from '../shared/storage';
import { toCard, withPhotoUrls, type ShowcaseCard } from './cards';

/**
 * Public reads. They select only published fields (never `draft`, review notes or the poster cache), so
 * an unreviewed change cannot leak even through a mistake further down.
 */
export const PUBLIC_FIELDS = { _id: true, secretaryId: true, name: true, community: true, street: true, featured: true, published: true, publishedAt: true };

export interface FeedQuery {
  street?: string;
  tag?: DimensionKey;
  q?: string;
  page: number;
  pageSize: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function feed(query: FeedQuery): Promise<{ items: ShowcaseCard[]; page: number; pageSize: number; hasMore: boolean; nextPage: number | null }> {
  const conditions: (Record<string, unknown> | DbOperator)[] = [{ published: _.neq(null) }];
  if (query.street) conditions.push({ street: query.street });
  if (query.tag) conditions.push({ 'published.tags': query.tag });
  if (query.q) {
    const pattern = db.RegExp({ regexp: escapeRegExp(query.q), options: 'i' });
    conditions.push(_.or([{ name: pattern }, { community: pattern }]));
  }
  // Stable order (featured first, then by secretary) so that page N+1 continues page N.
  const res = await db
    .collection('showcases')
    .where(_.and(conditions))
    .orderBy('featured', 'desc')
    .orderBy('secretaryId', 'asc')
    .skip((query.page - 1) * query.pageSize)
    .limit(query.pageSize + 1)
    .field(PUBLIC_FIELDS)
    .get();
  const docs = res.data as ShowcaseRecord[];
  const hasMore = docs.length > query.pageSize;
  const items = await withPhotoUrls(docs.slice(0, query.pageSize).map(toCard));
  return { items, page: query.page, pageSize: query.pageSize, hasMore, nextPage: hasMore ? query.page + 1 : null };
}

export async function featured(limit: number): Promise<ShowcaseCard[]> {
  const res = await db
    .collection('showcases')
    .where({ featured: true, published: _.neq(null) })
    .orderBy('secretaryId', 'asc')
    .limit(limit)
    .field(PUBLIC_FIELDS)
    .get();
  return withPhotoUrls((res.data as ShowcaseRecord[]).map(toCard));
}

/** The contests a secretary is an approved candidate in, with what the vote button needs: one read (`$lookup`). */
async function contestsOf(secretaryId: string, now: Date) {
  const res = (await db
    .collection('candidates')
    .aggregate()
    .match({ secretaryId, status: 'approved' })
    .limit(100)
    .lookup({ from: 'contests', localField: 'contestId', foreignField: '_id', as: 'contests' })
    .end()) as { list: (CandidateDoc & { contests: ContestDoc[] })[] };
  return res.list
    .filter((c) => c.contests.length > 0)
    .map(({ _id: candidateId, contests: [contest] }) => ({
      contestId: contest._id,
      candidateId,
      title: contest.title,
      year: contest.year,
      status: contest.status,
      ...votingOf(contest, now),
    }))
    .sort((a, b) => b.year - a.year);
}

export async function getPublished(by: { secretaryId?: string; showcaseId?: string }, now: Date) {
  const where = by.showcaseId ? { _id: by.showcaseId } : { secretaryId: by.secretaryId };
  const res = await db.collection('showcases').where(where).limit(1).field(PUBLIC_FIELDS).get();
  const doc = res.data[0] as ShowcaseRecord | undefined;
  ensure(doc && doc.published, 'not-found', '该书记的风采展还未发布');
  const content = doc.published;
  const [urls, contests] = await Promise.all([tempUrls([content.photoFileId, ...content.imageFileIds]), contestsOf(doc.secretaryId, now)]);
  return {
    _id: doc._id,
    secretaryId: doc.secretaryId,
    name: doc.name,
    community: doc.community,
    street: doc.street,
    story: content.story,
    paragraphs: content.story.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
    achievements: content.achievements,
    tags: content.tags,
    photoFileId: content.photoFileId ?? null,
    photoUrl: content.photoFileId ? urls.get(content.photoFileId) ?? null : null,
    images: content.imageFileIds.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null })),
    publishedAt: doc.publishedAt ?? null,
    contests,
  };
}
