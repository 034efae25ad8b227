import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { chinaDateTime, streetText } from '../../../components/format';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { callFunction } from '../../../services/cloud';
import { Button } from '../../../ui/nutui';
import { SalonQa } from '../../SalonQa';
import { loadArchiveRecord, type ArchiveRecord } from '../../qa-api';
import { uploadSalonPhoto } from './upload';
import './index.scss';

/** The admin's editor of the minutes and photo list (photos uploaded under `salons/<salonId>/`). */
function ArchiveEditor({ record, onSaved }: { record: ArchiveRecord; onSaved: () => Promise<void> }) {
  const [minutes, setMinutes] = useState(record.minutes);
  const [photos, setPhotos] = useState(record.photos.map(({ fileId, caption, url }) => ({ fileId, caption, url })));
  const [busy, setBusy] = useState(false);
  const salonId = record.salon._id;

  const addPhotos = async () => {
    const picked = await Taro.chooseImage({ count: 9, sizeType: ['compressed'] }).catch(() => null);
    if (!picked) return;
    setBusy(true);
    try {
      const added = await Promise.all(picked.tempFiles.map(async (f) => ({ fileId: await uploadSalonPhoto(salonId, f.path, f.type), caption: '', url: f.path })));
      setPhotos((p) => [...p, ...added]);
    } catch {
      void Taro.showToast({ title: '照片上传没有成功，请重试', icon: 'none' });
    }
    setBusy(false);
  };
  const save = async () => {
    setBusy(true);
    const res = await callFunction('salon', { action: 'saveArchive', salonId, minutes: minutes.trim(), photos: photos.map(({ fileId, caption }) => ({ fileId, caption })) });
    setBusy(false);
    void Taro.showToast({ title: res.ok ? '已保存' : res.error.message, icon: 'none' });
    if (res.ok) await onSaved();
  };

  return (
    <View className='record__panel record__editor'>
      <Text className='record__heading'>整理档案（管理员）</Text>
      <Textarea className='record__textarea record__minutes-input' value={minutes} maxlength={5000} placeholder='会议纪要' onInput={(e) => setMinutes(e.detail.value)} />
      <View className='record__photos'>
        {photos.map((p) => (
          <View className='record__photo-edit' key={p.fileId}>
            {p.url ? <Image className='record__thumb' src={p.url} mode='aspectFill' /> : null}
            <Text className='record__remove' onClick={() => setPhotos(photos.filter((x) => x.fileId !== p.fileId))}>
              移除
            </Text>
          </View>
        ))}
      </View>
      <View className='record__buttons'>
        <Button className='record__add-photos' disabled={busy} onClick={() => void addPhotos()}>
          添加照片
        </Button>
        <Button className='record__save' type='primary' disabled={busy} onClick={() => void save()}>
          保存档案
        </Button>
      </View>
    </View>
  );
}

/** One salon's record: what it was about, the minutes, photos, 你问我答 and the departments' comments. */
export default function SalonRecordPage() {
  const salonId = useRouter().params.id ?? '';
  const { state, reload } = useCloudQuery(() => loadArchiveRecord(salonId));
  useShareAppMessage(() => ({ title: state.status === 'ready' ? state.data.salon.theme : '社区书记沙龙', path: `/salon/archive/record/index?id=${salonId}` }));

  if (state.status === 'loading') return <PageShell className='record'><LoadingView /></PageShell>;
  if (state.status === 'failed') return <PageShell className='record'><ErrorView error={state.error} onRetry={() => void reload()} /></PageShell>;
  const { salon, minutes, photos, archived, qa } = state.data;
  // Only an admin may comment; the same person keeps the minutes and photos.
  const isAdmin = qa.viewer.canComment;

  return (
    <PageShell className='record'>
      <View className='record__panel record__head'>
        <Text className='record__title'>{salon.theme}</Text>
        <Text className='record__meta'>{salon.title} · {salon.topic}</Text>
        <Text className='record__meta'>{chinaDateTime(salon.date)} · {salon.place}（{streetText(salon.hostStreet)}承办）</Text>
        {salon.departments.length || salon.experts.length ? <Text className='record__meta'>点评：{[...salon.departments, ...salon.experts].join('、')}</Text> : null}
        {!archived ? <Text className='record__note'>本期沙龙尚未归档，纪要和照片整理后在这里公开。</Text> : null}
      </View>
      <View className='record__panel record__cases'>
        <Text className='record__heading'>案例分享</Text>
        {salon.presenters.map((p) => (
          <Text className='record__case' key={p.secretaryId}>
            {p.name}（{p.community}）：{p.caseTitle}
          </Text>
        ))}
      </View>
      {minutes ? (
        <View className='record__panel record__minutes'>
          <Text className='record__heading'>会议纪要</Text>
          {minutes.split(/\n\s*\n/).map((para, i) => (
            <Text className='record__para' key={i}>{para}</Text>
          ))}
        </View>
      ) : null}
      {photos.length ? (
        <View className='record__panel'>
          <Text className='record__heading'>活动照片</Text>
          {photos.map((p) =>
            p.url ? (
              <View key={p.fileId} className='record__photo'>
                <Image className='record__image' src={p.url} mode='widthFix' onClick={() => void Taro.previewImage({ current: p.url as string, urls: photos.map((x) => x.url).filter((u): u is string => Boolean(u)) })} />
                {p.caption ? <Text className='record__caption'>{p.caption}</Text> : null}
              </View>
            ) : null,
          )}
        </View>
      ) : null}
      {isAdmin ? <ArchiveEditor record={state.data} onSaved={reload} /> : null}
      <SalonQa salonId={salonId} />
    </PageShell>
  );
}
