import { breakLines } from '../../components/line-breaking';

/**
 * Draws the share poster on any 2D canvas context (the weapp `Canvas type="2d"` node and the browser canvas
 * offer the same API): a red header with the channel, the photo or initial, name, community and street, a story
 * excerpt, and the mini-program code that opens this showcase. Sizes are in poster units (POSTER.width wide).
 */
export const POSTER = { width: 600, height: 960 } as const;

/** The slice of CanvasRenderingContext2D used here; both platforms provide it. */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
  fill(): void;
  save(): void;
  restore(): void;
  clip(): void;
  drawImage(image: CanvasImageSource, x: number, y: number, w: number, h: number): void;
}

export interface PosterContent {
  name: string;
  community: string;
  street: string;
  excerpt: string;
}

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

export function drawPoster(ctx: PosterContext, content: PosterContent, images: { photo?: CanvasImageSource | null; code: CanvasImageSource }): void {
  const { width: W, height: H } = POSTER;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#C8161D';
  ctx.fillRect(0, 0, W, 300);
  ctx.fillStyle = '#D4A437';
  ctx.fillRect(0, 300, W, 8);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#F3D27A';
  ctx.font = `26px ${FONT}`;
  ctx.fillText('品质市中 活力党建 · 书记风采', W / 2, 56);

  // Photo (or initial) in a gold ring across the header's edge.
  const cx = W / 2;
  const cy = 230;
  ctx.fillStyle = '#D4A437';
  ctx.beginPath();
  ctx.arc(cx, cy, 96, 0, Math.PI * 2);
  ctx.closePath();
  ctx.fill();
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, 88, 0, Math.PI * 2);
  ctx.closePath();
  ctx.clip();
  if (images.photo) ctx.drawImage(images.photo, cx - 88, cy - 88, 176, 176);
  else {
    ctx.fillStyle = '#A01117';
    ctx.fillRect(cx - 88, cy - 88, 176, 176);
    ctx.fillStyle = '#FFFFFF';
    ctx.font = `bold 84px ${FONT}`;
    ctx.fillText(content.name.slice(0, 1), cx, cy + 4);
  }
  ctx.restore();

  ctx.fillStyle = '#1F1F1F';
  ctx.font = `bold 48px ${FONT}`;
  ctx.fillText(content.name, W / 2, 380);
  ctx.fillStyle = '#6B6B6B';
  ctx.font = `28px ${FONT}`;
  ctx.fillText(`${content.community} · ${content.street}`, W / 2, 432);

  ctx.textAlign = 'left';
  ctx.fillStyle = '#3A3A3A';
  ctx.font = `28px ${FONT}`;
  const lines = breakLines((s) => ctx.measureText(s).width, content.excerpt, W - 112, 4);
  lines.forEach((line, i) => ctx.fillText(line, 56, 498 + i * 44));

  ctx.fillStyle = '#F7F4F2';
  ctx.fillRect(0, 700, W, H - 700);
  ctx.drawImage(images.code, 48, 728, 200, 200);
  ctx.fillStyle = '#1F1F1F';
  ctx.font = `bold 30px ${FONT}`;
  ctx.fillText('长按识别小程序码', 280, 790);
  ctx.fillStyle = '#6B6B6B';
  ctx.font = `24px ${FONT}`;
  ctx.fillText('看书记故事，为书记点赞', 280, 840);
  ctx.fillText('雁阵 · 经纬雁阵“六共”', 280, 884);
}
