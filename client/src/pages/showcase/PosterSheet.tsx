import { useEffect, useState } from 'react';
import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { showcasePoster, type ShowcaseDetail } from '../../services/showcase';
import { streetText } from '../../components/format';
import { Button } from '../../ui/nutui';
import { drawPoster, POSTER, type PosterContent, type PosterContext } from './poster-drawing';

const SCALE = 2; // poster units → canvas pixels: a sharp image on phones with dense screens
const CANVAS_ID = 'yz-poster-canvas';

type Sheet = { status: 'drawing' } | { status: 'ready'; src: string } | { status: 'failed'; message: string };

/** The weapp canvas node and its image factory (Canvas type="2d"); Taro's typings do not describe it. */
interface WeappCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PosterContext & { scale(x: number, y: number): void };
  createImage(): { onload: () => void; onerror: (e: unknown) => void; src: string };
}

type WeappImage = ReturnType<WeappCanvas['createImage']>;

function loadWith(make: () => WeappImage, src: string): Promise<WeappImage> {
  return new Promise((resolve, reject) => {
    const img = make();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image did not load: ${src}`));
    img.src = src;
  });
}

function loadBrowserImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image();
    // The emulator's storage URLs are same-origin; a CDN's would need CORS to keep the canvas exportable.
    img.crossOrigin = 'anonymous';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image did not load: ${src}`));
    img.src = src;
  });
}

/** H5: an off-screen browser canvas, exported as a data URL the visitor can long-press to save. */
async function drawInBrowser(content: PosterContent, photoUrl: string | null, codeUrl: string): Promise<string> {
  const [code, photo] = await Promise.all([loadBrowserImage(codeUrl), photoUrl ? loadBrowserImage(photoUrl).catch(() => null) : Promise.resolve(null)]);
  const canvas = document.createElement('canvas');
  canvas.width = POSTER.width * SCALE;
  canvas.height = POSTER.height * SCALE;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.scale(SCALE, SCALE);
  drawPoster(ctx, content, { photo, code });
  return canvas.toDataURL('image/png');
}

/** weapp: the Canvas 2D node on this page; cloud files are downloaded first (remote URLs need a domain whitelist). */
async function drawInWeapp(content: PosterContent, photoFileId: string | null, codeFileId: string): Promise<string> {
  const canvas = await new Promise<WeappCanvas>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvas }[]) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('poster canvas not found'))));
  });
  const download = async (fileID: string) => (await Taro.cloud.downloadFile({ fileID })).tempFilePath;
  const [codePath, photoPath] = await Promise.all([download(codeFileId), photoFileId ? download(photoFileId).catch(() => null) : Promise.resolve(null)]);
  const make = () => canvas.createImage();
  const [code, photo] = await Promise.all([loadWith(make, codePath), photoPath ? loadWith(make, photoPath).catch(() => null) : Promise.resolve(null)]);
  canvas.width = POSTER.width * SCALE;
  canvas.height = POSTER.height * SCALE;
  const ctx = canvas.getContext('2d');
  ctx.scale(SCALE, SCALE);
  // The weapp image objects are valid drawImage sources for this canvas; the DOM type does not know them.
  drawPoster(ctx, content, { photo: photo as unknown as CanvasImageSource | null, code: code as unknown as CanvasImageSource });
  // `canvas` is the 2D node; Taro's option typings only list the legacy canvasId.
  const out = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as unknown as Taro.canvasToTempFilePath.Option);
  return out.tempFilePath;
}

async function saveToAlbum(filePath: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (err) {
    const denied = /auth|deny|denied/i.test(String((err as { errMsg?: string }).errMsg ?? ''));
    if (!denied) return;
    const answer = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许“保存到相册”，再保存海报', confirmText: '去设置' });
    if (answer.confirm) void Taro.openSetting();
  }
}

/**
 * The share poster, shown over the page: drawn on a canvas from the showcase and the mini-program code that
 * `showcase.poster` returns. weapp saves it to the album; the H5 preview shows the image to long-press.
 * Test hooks: `.poster__image` (src is the drawn image), `.poster__close`.
 */
export function PosterSheet({ showcase, onClose }: { showcase: ShowcaseDetail; onClose: () => void }) {
  const [sheet, setSheet] = useState<Sheet>({ status: 'drawing' });

  useEffect(() => {
    let live = true;
    const content: PosterContent = {
      name: showcase.name,
      community: showcase.community,
      street: streetText(showcase.street),
      excerpt: showcase.paragraphs[0] ?? showcase.story,
    };
    (async () => {
      const code = await showcasePoster(showcase.secretaryId);
      if (!code.ok) throw new Error(code.error.message);
      return process.env.TARO_ENV === 'h5'
        ? drawInBrowser(content, showcase.photoUrl, code.data.tempFileURL)
        : drawInWeapp(content, showcase.photoFileId, code.data.fileID);
    })().then(
      (src) => live && setSheet({ status: 'ready', src }),
      (err: unknown) => {
        console.warn('[poster] drawing failed', err);
        if (live) setSheet({ status: 'failed', message: err instanceof Error && /[\u4e00-\u9fa5]/.test(err.message) ? err.message : '海报生成失败，请稍后再试' });
      },
    );
    return () => {
      live = false;
    };
  }, [showcase]);

  return (
    <View className='poster'>
      <View className='poster__mask' onClick={onClose} />
      <View className='poster__panel'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' style={{ width: `${POSTER.width / 2}px`, height: `${POSTER.height / 2}px` }} />
        ) : null}
        {sheet.status === 'drawing' ? <Text className='poster__hint'>正在生成海报…</Text> : null}
        {sheet.status === 'failed' ? <Text className='poster__hint poster__hint--error'>{sheet.message}</Text> : null}
        {sheet.status === 'ready' ? (
          <>
            <Image className='poster__image' src={sheet.src} mode='aspectFit' showMenuByLongpress />
            {process.env.TARO_ENV === 'weapp' ? (
              <Button type='primary' block className='poster__save' onClick={() => void saveToAlbum(sheet.src)}>
                保存到相册
              </Button>
            ) : (
              <Text className='poster__hint'>长按图片保存到手机，分享给邻里</Text>
            )}
          </>
        ) : null}
        <Text className='poster__close' onClick={onClose}>
          关闭
        </Text>
      </View>
    </View>
  );
}
