import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { uploadShowcasePhoto, type PickedPhoto } from '../../services/storage';

interface Props {
  secretaryId: string;
  photoFileId?: string;
  /** A URL of the photo the draft carries now, when one can be shown (the published photo). */
  currentUrl?: string | null;
  onUploaded: (fileID: string) => void;
}

/** What `chooseImage` picked: H5 also hands over the browser's File, whose type and name give the extension. */
function pickedOf(res: Taro.chooseImage.SuccessCallbackResult): PickedPhoto | null {
  const file = res.tempFiles?.[0] as (Taro.chooseImage.ImageFile & { originalFileObj?: File }) | undefined;
  const path = file?.path ?? res.tempFilePaths[0];
  if (!path) return null;
  return { path, type: file?.originalFileObj?.type ?? file?.type, name: file?.originalFileObj?.name };
}

/**
 * Choose a photo (album or camera) and upload it to cloud storage at once; the draft then carries its `cloud://`
 * file id, saved with the next 保存草稿. Works in the mini-program and in the H5 preview (a file picker).
 * Test hooks: `.edit-photo__choose`, `.edit-photo__preview`, `.edit-photo__status`.
 */
export function PhotoPicker({ secretaryId, photoFileId, currentUrl, onUploaded }: Props) {
  const [preview, setPreview] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function choose() {
    let picked: PickedPhoto | null;
    try {
      picked = pickedOf(await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }));
    } catch {
      return; // cancelled
    }
    if (!picked) return;
    setPreview(picked.path);
    setStatus('正在上传…');
    try {
      onUploaded(await uploadShowcasePhoto(secretaryId, picked));
      setStatus('照片已上传，保存草稿后生效');
    } catch (err) {
      console.warn('[photo] upload failed', err);
      setStatus('照片上传没有成功，请稍后再试');
    }
  }

  return (
    <View className='sec-card edit-photo'>
      <Text className='sec-card__title'>照片</Text>
      {preview || currentUrl ? <Image className='edit-photo__preview' src={(preview ?? currentUrl) as string} mode='aspectFill' /> : null}
      <Text className='sec-card__hint'>{photoFileId ? '已有照片，可以更换。' : '上传一张工作照，居民更容易认出您。'}</Text>
      <Text className='edit-form__add edit-photo__choose' onClick={() => void choose()}>
        {photoFileId || preview ? '更换照片' : '＋ 上传照片'}
      </Text>
      {status ? <Text className='sec-card__hint edit-photo__status'>{status}</Text> : null}
    </View>
  );
}
