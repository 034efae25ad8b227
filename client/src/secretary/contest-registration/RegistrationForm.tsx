import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { REGISTRATION_RESULT_TEMPLATE_ID, type AppErrorBody } from '@yanzhen/domain';
import { acceptedResultMessage, register, uploadRegistrationPhoto, type OpenContest, type Registration } from '../../services/contest-registration';
import type { PickedPhoto } from '../../services/storage';
import { Button } from '../../ui/nutui';
import { formatDay } from './format';

export const SUMMARY_MAX = 1500;
export const DESCRIPTION_MAX = 800;
export const PHOTOS_MAX = 6;

interface Photo {
  preview: string;
  fileID: string | null;
}

function pickedOf(res: Taro.chooseImage.SuccessCallbackResult): PickedPhoto[] {
  const files = (res.tempFiles ?? []) as (Taro.chooseImage.ImageFile & { originalFileObj?: File })[];
  if (files.length === 0) return res.tempFilePaths.map((path) => ({ path }));
  return files.map((f) => ({ path: f.path, type: f.originalFileObj?.type ?? f.type, name: f.originalFileObj?.name }));
}

interface Props {
  contest: OpenContest;
  secretaryId: string;
  onRegistered: (reg: Registration) => void;
}

/**
 * The registration form for one open contest: 述职 summary, the project, up to six photos (uploaded at once to
 * her own folder), and 提交报名 — which first asks for the one-time result message, as WeChat allows only here.
 * Test hooks: `.reg-form__summary`, `.reg-form__title`, `.reg-form__desc`, `.reg-form__submit`, `.reg-form__error`.
 */
export function RegistrationForm({ contest, secretaryId, onRegistered }: Props) {
  const [summary, setSummary] = useState('');
  const [projectTitle, setProjectTitle] = useState('');
  const [projectDescription, setProjectDescription] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const complete = summary.trim() && projectTitle.trim() && projectDescription.trim();

  async function choosePhotos() {
    let picked: PickedPhoto[];
    try {
      picked = pickedOf(await Taro.chooseImage({ count: PHOTOS_MAX - photos.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] }));
    } catch {
      return; // cancelled
    }
    setUploading(true);
    const added: Photo[] = [];
    for (const p of picked.slice(0, PHOTOS_MAX - photos.length)) {
      try {
        added.push({ preview: p.path, fileID: await uploadRegistrationPhoto(contest._id, secretaryId, p) });
      } catch (err) {
        console.warn('[registration] upload failed', err);
        added.push({ preview: p.path, fileID: null });
      }
    }
    setPhotos((prev) => [...prev, ...added]);
    setUploading(false);
  }

  async function onSubmit() {
    setBusy(true);
    setError(null);
    // The one-time result message may be asked for only inside this tap (the H5 preview has no such prompt).
    let notifyResult = false;
    if (process.env.TARO_ENV !== 'h5') {
      try {
        notifyResult = acceptedResultMessage(await Taro.requestSubscribeMessage({ tmplIds: [REGISTRATION_RESULT_TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option));
      } catch (err) {
        console.warn('[registration] subscribe prompt failed', err);
      }
    }
    const res = await register({
      contestId: contest._id,
      summary: summary.trim(),
      projectTitle: projectTitle.trim(),
      projectDescription: projectDescription.trim(),
      photoFileIds: photos.flatMap((p) => (p.fileID ? [p.fileID] : [])),
      notifyResult,
    });
    setBusy(false);
    if (res.ok) onRegistered(res.data);
    else setError(res.error);
  }

  return (
    <View className='reg-form' data-contest={contest._id}>
      <View className='sec-card'>
        <Text className='sec-card__title'>{contest.title}</Text>
        <Text className='sec-card__hint'>{`报名时间：${formatDay(contest.registrationStart)} 至 ${formatDay(contest.registrationEnd)}。提交后由区委组织部审核，截止前可以撤回。`}</Text>
      </View>
      <View className='sec-card'>
        <Text className='sec-card__title'>述职摘要</Text>
        <Text className='sec-card__hint'>围绕六个比武维度，讲讲班子、阵地、网格和服务居民的实绩。</Text>
        <Textarea className='sec-textarea reg-form__summary' value={summary} maxlength={SUMMARY_MAX} autoHeight placeholder='例如：三年来我们……' onInput={(e) => setSummary(e.detail.value)} />
        <Text className='reg-form__count'>{`${summary.length} / ${SUMMARY_MAX} 字`}</Text>
      </View>
      <View className='sec-card'>
        <Text className='sec-card__title'>参赛项目</Text>
        <Input className='sec-input reg-form__title' value={projectTitle} maxlength={40} placeholder='项目名称，不超过 40 字' onInput={(e) => setProjectTitle(e.detail.value)} />
        <Textarea className='sec-textarea reg-form__desc' value={projectDescription} maxlength={DESCRIPTION_MAX} autoHeight placeholder='项目做了什么、带来了什么变化' onInput={(e) => setProjectDescription(e.detail.value)} />
      </View>
      <View className='sec-card'>
        <Text className='sec-card__title'>照片（选填，最多 {PHOTOS_MAX} 张）</Text>
        {photos.length ? (
          <View className='reg-form__photos'>
            {photos.map((p, i) => (
              <View key={p.preview} className='reg-form__photo'>
                <Image className='reg-form__thumb' src={p.preview} mode='aspectFill' />
                {p.fileID ? null : <Text className='reg-form__failed'>上传失败</Text>}
                <Text className='reg-form__remove' onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>删除</Text>
              </View>
            ))}
          </View>
        ) : null}
        {photos.length < PHOTOS_MAX ? (
          <Text className='reg-form__add' onClick={() => void choosePhotos()}>{uploading ? '正在上传…' : '＋ 添加照片'}</Text>
        ) : null}
      </View>
      {error ? <View className='sec-error reg-form__error'><Text>{error.message}</Text></View> : null}
      <Button className='reg-form__submit' type='primary' size='large' block disabled={busy || uploading || !complete} onClick={() => void onSubmit()}>
        {busy ? '正在提交…' : '提交报名'}
      </Button>
      <Text className='sec-card__note reg-form__notice'>提交时会询问是否接收审核结果通知，同意后结果出来会发一条微信消息给您。</Text>
    </View>
  );
}
