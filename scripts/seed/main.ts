/**
 * Demo data for `npm start` and the browser tests, written through the real wx-server-sdk against a
 * running local cloud: `tsx scripts/seed/main.ts http://127.0.0.1:8787`. It tells the report's story
 * with invented people: 17 secretaries, a contest with public voting open today, monthly salons.
 */
import type { CandidateDoc, DimensionKey, ShowcaseDoc } from '@yanzhen/domain';
import { SECRETARIES } from './people';
import { seedArchive } from './archive';
import { STORIES } from './stories';
import { contest2023, currentContest, seedJudging } from './contests';
import { seedContest2023 } from './contest-2023';
import { seedContestRegistrations } from './contest-registrations';
import { seedSalons } from './salons';
import { seedSalonQa } from './salon-qa';
import { cachedPicture } from './picture-cache';
import { drawPortrait, drawScene } from './pictures';
import { seedTalent } from './talent';
import { sdkEnvironment } from '../sdk-env';
import type { Db } from '../../cloudfunctions/shared/db-types';
import { userKey } from '../../cloudfunctions/shared/user-key';
import { seedQuizBank } from './quiz';

const url = process.argv[2];
if (!url) throw new Error('usage: tsx scripts/seed/main.ts <local cloud url>');
Object.assign(process.env, sdkEnvironment(`${url}/admin`));

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the env above is set
const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
// The SDK's typings mix callback and promise styles; the functions' promise-only view of it (as shared/cloud.ts).
const db = cloud.database() as unknown as Db;

async function put(collection: string, docs: { _id: string }[]): Promise<void> {
  // `set` is an upsert, so seeding twice leaves one copy of each document.
  await Promise.all(docs.map(({ _id, ...data }) => db.collection(collection).doc(_id).set({ data })));
}

interface SeedPhotos {
  photoFileId: string;
  imageFileIds: string[];
}

/**
 * Each secretary's portrait and activity pictures, drawn here and uploaded through the SDK's `uploadFile` like
 * the editor's uploads (same `showcases/<secretaryId>/` folder), so the functions sign temp URLs for them as for
 * any photo. Featured showcases and every third one get a second picture, of their second kind of work.
 */
async function uploadPhotos(): Promise<SeedPhotos[]> {
  const upload = async (cloudPath: string, fileContent: Buffer) => (await cloud.uploadFile({ cloudPath, fileContent })).fileID;
  return Promise.all(
    SECRETARIES.map(async (s, i) => {
      const [main, second] = STORIES[i].tags as [DimensionKey, DimensionKey];
      const kinds = i < 4 || i % 3 === 0 ? [main, second] : [main];
      const [photoFileId, ...imageFileIds] = await Promise.all([
        upload(`showcases/${s._id}/seed-portrait.png`, cachedPicture(`portrait-${i}`, () => drawPortrait({ gender: s.gender, index: i }))),
        ...kinds.map((kind, n) => upload(`showcases/${s._id}/seed-activity-${n + 1}.png`, cachedPicture(`scene-${kind}-${i * 2 + n}`, () => drawScene(kind, i * 2 + n)))),
      ]);
      return { photoFileId, imageFileIds };
    }),
  );
}

async function main(): Promise<void> {
  const now = new Date();
  const current = currentContest(now);
  await put('secretaries', SECRETARIES.map((s) => ({ ...s, createdAt: now })));
  const photos = await uploadPhotos();
  // The seeded pictures count as checked (mediaCheckAsync passed), as they would be for content already public.
  await put(
    'mediaChecks',
    SECRETARIES.flatMap((s, i) =>
      [photos[i].photoFileId, ...photos[i].imageFileIds].map((fileId, n) => ({ _id: `seed-check-${s._id}-${n}`, fileId, secretaryId: s._id, status: 'pass', createdAt: now, checkedAt: now })),
    ),
  );
  const showcases: ShowcaseDoc[] = SECRETARIES.map((s, i) => ({
    _id: `showcase-${s._id}`,
    secretaryId: s._id,
    name: s.name,
    community: s.community,
    street: s.street,
    featured: i < 4,
    published: { story: STORIES[i].story, achievements: STORIES[i].achievements, tags: STORIES[i].tags as DimensionKey[], ...photos[i] },
    draft: null,
    reviewStatus: 'none',
    publishedAt: now,
    updatedAt: now,
  }));
  await put('showcases', showcases);
  await put('contests', [current, contest2023()]);
  const candidates: CandidateDoc[] = SECRETARIES.map((s) => ({
    _id: `cand-${s._id}`,
    contestId: current._id,
    secretaryId: s._id,
    name: s.name,
    community: s.community,
    street: s.street,
    status: 'approved',
    createdAt: now,
  }));
  await put('candidates', candidates);
  console.log(`seeded registrations: ${await seedContestRegistrations(put, now)}`); // materials and every state (scripts/seed/contest-registrations.ts)
  const salonSeed = seedSalons(now);
  await put('salons', salonSeed.salons);
  await put('salonRotation', [salonSeed.rotation]);
  console.log(`seeded salon archive: ${await seedSalonQa(put, async (cloudPath, fileContent) => (await cloud.uploadFile({ cloudPath, fileContent })).fileID, salonSeed.salons)}`);
  // Demo identities (domain/src/demo.ts): the secretary is bound to the first record; the judge judges
  // the current contest; the admin comes from ADMIN_OPENIDS in emulator/local.env.json.
  await put('users', [
    { _id: 'demo-secretary', key: userKey('demo-secretary'), roles: ['secretary'], secretaryId: SECRETARIES[0]._id, street: SECRETARIES[0].street, updatedAt: now } as { _id: string },
    { _id: 'demo-judge', key: userKey('demo-judge'), roles: ['judge'], updatedAt: now } as { _id: string },
  ]);
  await put('judgeAssignments', [{ _id: `judge-${current._id}-demo-judge`, contestId: current._id, openid: 'demo-judge', key: userKey('demo-judge'), createdAt: now } as { _id: string }]);
  await db.collection('secretaries').doc(SECRETARIES[0]._id).update({ data: { openid: 'demo-secretary' } });
  console.log(`seeded talent: ${await seedTalent(put, now)}`);
  await seedQuizBank(db, now); // the knowledge quiz's question bank (scripts/seed/quiz.ts)
  console.log(`seeded judging: ${await seedJudging(put, now)}`); // judges and scores of the current contest (scripts/seed/contests.ts)
  console.log(`seeded ${await seedContest2023(put)}`); // the published 2023 contest (scripts/seed/contest-2023.ts)
  const pictures = photos.reduce((n, p) => n + 1 + p.imageFileIds.length, 0);
  console.log(`seeded archive: ${await seedArchive(db, now)}`);
  console.log(`seeded demo data: ${SECRETARIES.length} secretaries with ${pictures} pictures, ${candidates.length} candidates in "${current.title}" (voting open), ${salonSeed.salons.length} salons`);
}

main().catch((err) => {
  console.error('seeding failed:', err);
  process.exit(1);
});
