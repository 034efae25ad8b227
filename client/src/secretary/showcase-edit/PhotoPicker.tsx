import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';

interface Props {
  secretaryId: string;
  photoFileId?: string;
  onUploaded: (fileID: string) => void;
}

/**
 * Mini-program only: choose a photo and upload it to cloud storage; the draft then carries its `cloud://` file
 * id. The H5 preview has no `wx.cloud` upload, so it shows nothing here (photos are seeded for the demo).
 */
export function PhotoPicker({ secretaryId, photoFileId, onUploaded }: Props) {
  const [preview, setPreview] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  if (process.env.TARO_ENV !== 'weapp') return null;

  async function choose() {
    try {
      const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const filePath = picked.tempFilePaths[0];
      setPreview(filePath);
      setStatus('正在上传…');
      const up = await Taro.cloud.uploadFile({ cloudPath: `showcase/${secretaryId}/${Date.now()}.jpg`, filePath });
      onUploaded(up.fileID);
      setStatus('照片已上传，保存草稿后生效');
    } catch (err) {
      // Cancelling the picker also lands here; only a real failure needs words.
      const msg = String((err as { errMsg?: string }).errMsg ?? '');
      setStatus(msg.includes('cancel') ? null : '照片上传没有成功，请稍后再试');
    }
  }

  return (
    <View className='sec-card edit-photo'>
      <Text className='sec-card__title'>照片</Text>
      {preview ? <Image className='edit-photo__preview' src={preview} mode='aspectFill' /> : null}
      <Text className='sec-card__hint'>{photoFileId ? '已有照片，可以更换。' : '上传一张工作照，居民更容易认出您。'}</Text>
      <Text className='edit-form__add' onClick={() => void choose()}>
        {photoFileId || preview ? '更换照片' : '＋ 上传照片'}
      </Text>
      {status ? <Text className='sec-card__hint'>{status}</Text> : null}
    </View>
  );
}
