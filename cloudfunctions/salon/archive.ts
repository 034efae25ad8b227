import { archiveInput, archiveSearchInput, ensure, salonIdInput, salonStatus, type SalonArchiveDoc, type SalonDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { _, db, readDoc } from '../shared/cloud';
import { cloudPathOf } from '../shared/content-security';
import { tempUrls } from '../shared/storage';
import { loadSalon, publicSalon } from './salon-view';
import { salonQa } from './qa';

/**
 * The archive: minutes and photos of a salon (written by an admin), with its 你问我答 and comments, browsable by
 * topic and searchable by topic, host street and words of the theme or the cases. Photos live in cloud storage
 * under `salons/<salonId>/`; residents get temporary URLs (2 h) of the archived salons' photos only.
 */
const ARCHIVES = 'salonArchives';
/** Salons are monthly: 1000 is eighty years of them, read in one indexed page. */
const MAX_SALONS = 1000;

export const photoPrefix = (salonId: string): string => `salons/${salonId}/`;
/** Words a search matches: the title, the theme, the presenters' names, communities and case titles. */
function haystack(s: SalonDoc): string {
  return [s.title, s.theme, s.topic, s.hostStreet, ...(s.presenters ?? []).flatMap((p) => [p.name, p.community, p.caseTitle])].join(' ');
}

const LIST_FIELDS = { title: true, topic: true, theme: true, date: true, hostStreet: true, presenters: true, status: true, signupOpensAt: true, signupClosesAt: true } as const;

export const archiveActions: ActionMap = {
  /** Archived salons, newest first, filtered by topic, host street and words → `{ items, topics }`. */
  archiveList: action({
    access: 'public',
    input: archiveSearchInput,
    async run({ topic, street, q }, { now }) {
      const res = await db.collection<SalonDoc>('salons').orderBy('date', 'desc').limit(MAX_SALONS).field(LIST_FIELDS).get();
      const archived = res.data.filter((s) => salonStatus(s, now) === 'archived');
      const matches = archived.filter((s) => (!topic || s.topic === topic) && (!street || s.hostStreet === street) && (!q || haystack(s).includes(q)));
      const docs = matches.length ? (await db.collection<SalonArchiveDoc>(ARCHIVES).where({ _id: _.in(matches.map((s) => s._id)) }).limit(MAX_SALONS).get()).data : [];
      const byId = new Map(docs.map((d) => [d._id, d]));
      const covers = await tempUrls(docs.map((d) => d.photos?.[0]?.fileId).filter((f): f is string => Boolean(f)));
      return {
        // Topics that have an archived salon, for the filter chips (all salons, not only the matches).
        topics: [...new Set(archived.map((s) => s.topic))],
        items: matches.map((s) => {
          const a = byId.get(s._id);
          const cover = a?.photos?.[0]?.fileId;
          return {
            _id: s._id,
            title: s.title,
            topic: s.topic,
            theme: s.theme,
            date: s.date,
            hostStreet: s.hostStreet,
            presenters: (s.presenters ?? []).map(({ name, community, caseTitle }) => ({ name, community, caseTitle })),
            hasMinutes: Boolean(a?.minutes),
            photoCount: a?.photos?.length ?? 0,
            coverUrl: cover ? covers.get(cover) ?? null : null,
          };
        }),
      };
    },
  }),
  /** One salon's record: the salon, minutes, photos (with URLs), questions and comments. */
  archiveGet: action({
    access: 'public',
    input: z.strictObject({ salonId: salonIdInput }),
    async run({ salonId }, { caller, now }) {
      const salon = await loadSalon(salonId);
      const profile = caller.openid ? await caller.profile() : undefined;
      const [record, qa] = await Promise.all([readDoc<SalonArchiveDoc>(ARCHIVES, salonId), salonQa(salonId, caller.openid, profile, now)]);
      const archived = salonStatus(salon, now) === 'archived';
      // Photos of a salon not yet archived are the admin's work in progress.
      const showPhotos = archived || Boolean(profile?.roles.includes('admin'));
      const photos = showPhotos ? record?.photos ?? [] : [];
      const urls = await tempUrls(photos.map((p) => p.fileId));
      return {
        salon: publicSalon(salon, now),
        archived,
        minutes: archived || profile?.roles.includes('admin') ? record?.minutes ?? '' : '',
        photos: photos.map((p) => ({ fileId: p.fileId, caption: p.caption, url: urls.get(p.fileId) ?? null })),
        updatedAt: record?.updatedAt ?? null,
        qa,
      };
    },
  }),
  /** An admin writes the minutes and the photo list (uploaded under `salons/<salonId>/`) → `{ salonId, minutes, photos, updatedAt }`. */
  saveArchive: action({
    access: 'admin',
    input: archiveInput,
    async run({ salonId, minutes, photos }, { now }) {
      await loadSalon(salonId);
      for (const p of photos) ensure((cloudPathOf(p.fileId) ?? '').startsWith(photoPrefix(salonId)), 'invalid-argument', '请使用在本页上传的照片', { fileId: p.fileId });
      const urls = await tempUrls(photos.map((p) => p.fileId));
      for (const p of photos) ensure(urls.has(p.fileId), 'invalid-argument', '照片不存在或已被删除，请重新上传', { fileId: p.fileId });
      await db.collection(ARCHIVES).doc(salonId).set({ data: { minutes, photos, updatedAt: now } });
      return { salonId, minutes, photos, updatedAt: now };
    },
  }),
};
