import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { showcaseUrl } from '../../components/ShowcaseCardView';
import { streetText, tagNames } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { showcaseGet, type ShowcaseDetail } from '../../services/showcase';
import { Button } from '../../ui/nutui';
import { ContestVote } from './ContestVote';
import { PosterSheet } from './PosterSheet';
import { secretaryIdFrom } from './params';
import './index.scss';

function Showcase({ s }: { s: ShowcaseDetail }) {
  const [posterOpen, setPosterOpen] = useState(false);
  return (
    <View className='showcase'>
      <View className='showcase__hero'>
        <Avatar name={s.name} photoUrl={s.photoUrl} size='l' />
        <Text className='showcase__name'>{s.name}</Text>
        <Text className='showcase__place'>
          {s.community} · {streetText(s.street)}
        </Text>
        <View className='showcase__tags'>
          {tagNames(s.tags).map((t) => (
            <Text className='showcase__tag' key={t}>
              {t}
            </Text>
          ))}
        </View>
      </View>

      {s.contests.map((c) => (
        <ContestVote contest={c} name={s.name} key={c.contestId} />
      ))}

      <View className='showcase__section'>
        <Text className='showcase__heading'>书记故事</Text>
        {s.paragraphs.map((p, i) => (
          <Text className='showcase__paragraph' key={i}>
            {p}
          </Text>
        ))}
        {s.images
          .filter((img) => img.url)
          .map((img) => (
            <Image
              className='showcase__image'
              key={img.fileID}
              src={img.url as string}
              mode='widthFix'
              lazyLoad
              onClick={() => void Taro.previewImage({ current: img.url as string, urls: s.images.flatMap((i) => (i.url ? [i.url] : [])) })}
            />
          ))}
      </View>

      {s.achievements.length ? (
        <View className='showcase__section'>
          <Text className='showcase__heading'>工作成绩</Text>
          {s.achievements.map((a) => (
            <Text className='showcase__achievement' key={a}>
              {a}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='showcase__actions'>
        <Button className='showcase__poster-button' type='primary' fill='outline' block onClick={() => setPosterOpen(true)}>
          生成分享海报
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='showcase__share-button' type='primary' block openType='share'>
            分享给微信好友
          </Button>
        ) : null}
      </View>

      {posterOpen ? <PosterSheet showcase={s} onClose={() => setPosterOpen(false)} /> : null}
    </View>
  );
}

/** One secretary's showcase: `?sid=<secretaryId>`, or `scene=sid%3D<id>` from the poster's mini-program code. */
export default function ShowcasePage() {
  const router = useRouter();
  const sid = secretaryIdFrom(router.params);
  const { state, reload } = useCloudQuery(() => (sid ? showcaseGet(sid) : Promise.resolve({ ok: false as const, error: { code: 'not-found' as const, message: '没有指定要查看的书记' } })));

  const share = () => {
    const s = state.status === 'ready' ? state.data : null;
    return { title: s ? `${s.name} · ${s.community}的社区书记风采` : '社区书记风采', path: sid ? showcaseUrl(sid) : '/pages/showcases/index' };
  };
  useShareAppMessage(share);
  useShareTimeline(() => ({ title: share().title, query: sid ? `sid=${encodeURIComponent(sid)}` : '' }));

  const title = state.status === 'ready' ? `${state.data.name}的风采` : null;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);

  return (
    <PageShell>
      {state.status === 'loading' ? <LoadingView text='正在打开书记风采…' /> : null}
      {state.status === 'failed' && state.error.code === 'not-found' ? (
        <EmptyState title='没有找到这位书记的风采' text={state.error.message} action='看看其他书记' onAction={() => void Taro.switchTab({ url: '/pages/showcases/index' })} />
      ) : null}
      {state.status === 'failed' && state.error.code !== 'not-found' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <Showcase s={state.data} /> : null}
    </PageShell>
  );
}
