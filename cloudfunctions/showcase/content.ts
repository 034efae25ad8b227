import { DIMENSION_KEYS, type ShowcaseContent, type ShowcaseDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { ensureTextSafe } from '../shared/content-security';

/** What a secretary may write. Bounds keep the text within msgSecCheck's 2,500 characters. */
const fileId = z.string().trim().min(1).max(256).regex(/^cloud:\/\//, '请上传图片后再保存');

export const showcaseContentSchema = z.strictObject({
  story: z.string().trim().min(1, '请填写事迹').max(2000, '事迹不超过 2000 字'),
  achievements: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  tags: z.array(z.enum(DIMENSION_KEYS)).max(DIMENSION_KEYS.length).default([]),
  photoFileId: fileId.optional(),
  imageFileIds: z.array(fileId).max(9).default([]),
});

export type ShowcaseContentInput = z.infer<typeof showcaseContentSchema>;

/** Stored fields beyond the shared ShowcaseDoc: a draft revision (so a review approves what was seen) and the poster cache. */
export interface ShowcaseRecord extends ShowcaseDoc {
  draftRevision?: number;
  submittedAt?: Date;
  reviewedAt?: Date;
  poster?: { scene: string; fileID: string } | null;
}

/** No `undefined` inside stored content: CloudBase drops it on some paths and keeps it on others. */
export function normaliseContent(input: ShowcaseContentInput): ShowcaseContent {
  const content: ShowcaseContent = {
    story: input.story,
    achievements: [...new Set(input.achievements)],
    tags: [...new Set(input.tags)],
    imageFileIds: input.imageFileIds,
  };
  if (input.photoFileId) content.photoFileId = input.photoFileId;
  return content;
}

export const RISKY_MESSAGE = '内容可能含有不适宜公开的信息，请修改后再保存';
/**
 * WeChat content security (msgSecCheck v2): the text is checked with the author's OpenID, scene 1
 * (资料, profile content). Risky → invalid-argument and nothing is stored; `review` is left to the admin's
 * review, which every showcase change goes through anyway.
 */
export async function checkTextSafe(openid: string, content: ShowcaseContent): Promise<void> {
  const text = [content.story, ...content.achievements].join('\n');
  await ensureTextSafe({ openid, scene: 1, text, riskyMessage: RISKY_MESSAGE, riskyDetails: { field: 'story' }, logTag: 'showcase' });
}
