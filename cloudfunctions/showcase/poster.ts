import { AppError, ensure } from '@yanzhen/domain';
import { _, cloud, db } from '../shared/cloud';
import { openapi } from '../shared/openapi';
import { tempUrls } from '../shared/storage';
import type { ShowcaseRecord } from './content';

/**
 * The poster's mini-program code (wxacode.getUnlimited), generated once per scene and kept in cloud
 * storage; the showcase document remembers the file so later posters cost one storage call.
 * The scene is `sid=<secretaryId>` (≤ 32 characters); pages/showcase/index reads it from `options.scene`.
 */
export const POSTER_PAGE = 'pages/showcase/index';
export const posterScene = (secretaryId: string): string => `sid=${secretaryId}`;

export async function poster(secretaryId: string): Promise<{ fileID: string; tempFileURL: string; scene: string }> {
  const res = await db.collection('showcases').where({ secretaryId }).limit(1).get();
  const doc = res.data[0] as ShowcaseRecord | undefined;
  ensure(doc && doc.published, 'not-found', '该书记的风采展还未发布');
  const scene = posterScene(secretaryId);
  ensure(scene.length <= 32, 'invalid-argument', '书记编号过长，无法生成小程序码');
  if (doc.poster && doc.poster.scene === scene) {
    const cached = (await tempUrls([doc.poster.fileID])).get(doc.poster.fileID);
    if (cached) return { fileID: doc.poster.fileID, tempFileURL: cached, scene };
  }
  let image: { buffer?: Buffer };
  try {
    image = (await openapi().wxacode.getUnlimited({ scene, page: POSTER_PAGE, checkPath: false })) as { buffer?: Buffer };
  } catch (err) {
    console.error('[showcase] wxacode.getUnlimited failed', err);
    throw new AppError('internal', '小程序码生成失败，请稍后再试');
  }
  ensure(image.buffer && image.buffer.length > 0, 'internal', '小程序码生成失败，请稍后再试');
  const uploaded = await cloud.uploadFile({ cloudPath: `posters/${secretaryId}.png`, fileContent: image.buffer });
  await db.collection('showcases').doc(doc._id).update({ data: { poster: _.set({ scene, fileID: uploaded.fileID }) } });
  const url = (await tempUrls([uploaded.fileID])).get(uploaded.fileID);
  ensure(url, 'internal', '小程序码生成失败，请稍后再试');
  return { fileID: uploaded.fileID, tempFileURL: url, scene };
}
