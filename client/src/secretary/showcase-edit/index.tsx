import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AppErrorBody } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { loadMyShowcase, saveDraft, submitForReview, type MyShowcase, type OwnerShowcase } from '../../services/my-showcase';
import { showcaseGet } from '../../services/showcase';
import { Button } from '../../ui/nutui';
import { EditorForm, type DraftFields } from './EditorForm';
import { PhotoPicker } from './PhotoPicker';
import { StatusBanner } from './StatusBanner';
import '../secretary.scss';
import './index.scss';

const fieldsOf = (s: OwnerShowcase | null): DraftFields => {
  const base = s?.draft ?? s?.published;
  return { story: base?.story ?? '', achievements: [...(base?.achievements ?? [])], tags: [...(base?.tags ?? [])] };
};

const same = (a: DraftFields, b: DraftFields) => JSON.stringify(a) === JSON.stringify(b);

/** The published photo's URL (from the public page), so the secretary sees which photo she has now. */
function usePublishedPhotoUrl(secretaryId: string, publishedPhoto: string | undefined): { fileId: string; url: string } | null {
  const [photo, setPhoto] = useState<{ fileId: string; url: string } | null>(null);
  useEffect(() => {
    if (!publishedPhoto) return;
    let live = true;
    void showcaseGet(secretaryId).then((res) => {
      if (live && res.ok && res.data.photoFileId === publishedPhoto && res.data.photoUrl) setPhoto({ fileId: publishedPhoto, url: res.data.photoUrl });
    });
    return () => {
      live = false;
    };
  }, [secretaryId, publishedPhoto]);
  return photo;
}

function Editor({ initial }: { initial: MyShowcase }) {
  const [showcase, setShowcase] = useState<OwnerShowcase | null>(initial.showcase);
  const [fields, setFields] = useState<DraftFields>(() => fieldsOf(initial.showcase));
  const [photoFileId, setPhotoFileId] = useState<string | undefined>(initial.showcase?.draft?.photoFileId ?? initial.showcase?.published?.photoFileId);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const savedPhoto = showcase?.draft?.photoFileId ?? showcase?.published?.photoFileId;
  const published = usePublishedPhotoUrl(initial.secretaryId, initial.showcase?.published?.photoFileId);
  const dirty = !same(fields, fieldsOf(showcase)) || photoFileId !== savedPhoto;

  async function save(): Promise<OwnerShowcase | null> {
    const base = showcase?.draft ?? showcase?.published;
    const res = await saveDraft({
      story: fields.story,
      achievements: fields.achievements.map((a) => a.trim()).filter(Boolean),
      tags: fields.tags,
      ...(photoFileId ? { photoFileId } : {}),
      imageFileIds: base?.imageFileIds ?? [],
    });
    if (!res.ok) {
      setError(res.error);
      return null;
    }
    setShowcase(res.data);
    setFields(fieldsOf(res.data));
    return res.data;
  }

  async function onSave() {
    setBusy('save');
    setError(null);
    setNotice(null);
    if (await save()) setNotice('草稿已保存。提交审核后，管理员通过才会公开。');
    setBusy(null);
  }

  async function onSubmit() {
    setBusy('submit');
    setError(null);
    setNotice(null);
    // Unsaved edits are saved first: what the admin reviews is what is on screen.
    const saved = dirty || !showcase?.draft ? await save() : showcase;
    if (saved) {
      const res = await submitForReview();
      if (res.ok) {
        setShowcase(res.data);
        setNotice('已提交审核。审核通过前，公开页面仍显示原来的版本。');
      } else setError(res.error);
    }
    setBusy(null);
  }

  return (
    <View className='edit'>
      <View className='edit__who'>
        <Text className='edit__name'>{showcase?.name ?? '我的风采'}</Text>
        {showcase ? <Text className='edit__place'>{`${showcase.street}街道 · ${showcase.community}`}</Text> : null}
      </View>
      <StatusBanner showcase={showcase} />
      <PhotoPicker
        secretaryId={initial.secretaryId}
        photoFileId={photoFileId}
        currentUrl={published && published.fileId === photoFileId ? published.url : null}
        onUploaded={setPhotoFileId}
      />
      <EditorForm fields={fields} onChange={(f) => { setFields(f); setNotice(null); }} />
      <View className='edit__actions'>
        {error ? <View className='sec-error edit__error'><Text>{error.message}</Text></View> : null}
        {notice ? <View className='sec-ok edit__notice'><Text>{notice}</Text></View> : null}
        <Button className='edit__save' size='large' block disabled={busy !== null || !dirty} onClick={() => void onSave()}>
          {busy === 'save' ? '正在保存…' : dirty ? '保存草稿' : '草稿已保存'}
        </Button>
        <Button
          className='edit__submit'
          type='primary'
          size='large'
          block
          disabled={busy !== null || (!dirty && showcase?.reviewStatus === 'pending') || !fields.story.trim()}
         
          onClick={() => void onSubmit()}
        >
          {busy === 'submit' ? '正在提交…' : showcase?.reviewStatus === 'pending' && !dirty ? '审核中' : '提交审核'}
        </Button>
      </View>
    </View>
  );
}

/** 我的风采: the bound secretary edits their showcase as a draft and submits it for review. */
export default function ShowcaseEditPage() {
  const { state, reload } = useCloudQuery(loadMyShowcase);
  // A reload (pull-to-refresh, retry) re-creates the editor from what the function holds now.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state.status === 'ready') setGeneration((g) => g + 1);
  }, [state]);
  return (
    <PageShell className='sec-page'>
      {state.status === 'loading' ? <LoadingView text='正在读取您的风采…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <Editor key={generation} initial={state.data} /> : null}
    </PageShell>
  );
}
