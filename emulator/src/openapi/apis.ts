import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { findSensitiveWords } from './sensitive-words';
import type { Outbox } from './outbox';

/**
 * The open APIs the emulator answers, each a plain function from the request (snake_case keys, as
 * the SDK sends them) to the reply WeChat would give. WeChat-level errors are replies too
 * (`{ errcode, errmsg }`): the SDK turns a non-zero errcode into a thrown error with that errCode.
 */
export interface ApiReply {
  contentType: string;
  body: Buffer;
}

export interface ApiContext {
  outbox: Outbox;
  /** OpenID of the user whose function made the call, when known. */
  callerOpenId?: string;
  /** Delivers a message push (an event WeChat sends later, e.g. a mediaCheckAsync verdict), when configured. */
  messagePush?: (event: Record<string, unknown>) => void;
}

export type OpenApi = (data: Record<string, unknown>, ctx: ApiContext) => Promise<ApiReply>;

export function jsonReply(body: Record<string, unknown>): ApiReply {
  return { contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) };
}

function wxError(errcode: number, errmsg: string): ApiReply {
  return jsonReply({ errcode, errmsg: `${errmsg} rid: ${randomBytes(6).toString('hex')}` });
}

const MAX_CONTENT_LENGTH = 2500;

/** security.msgSecCheck: v2 (version 2) answers a verdict; v1 answers errcode 87014 for risky text. */
export const msgSecCheck: OpenApi = async (data) => {
  const content = data.content;
  if (typeof content !== 'string') return wxError(47001, 'data format error: content must be a string');
  if (content.length > MAX_CONTENT_LENGTH) return wxError(47003, `argument invalid! content is longer than ${MAX_CONTENT_LENGTH} characters`);
  const hits = findSensitiveWords(content);
  if (Number(data.version) !== 2) {
    return hits.length ? wxError(87014, 'risky content') : jsonReply({ errcode: 0, errmsg: 'ok' });
  }
  if (typeof data.openid !== 'string' || !data.openid) return wxError(40003, 'invalid openid');
  const scene = Number(data.scene);
  if (!Number.isInteger(scene) || scene < 1 || scene > 4) return wxError(47003, 'argument invalid! scene must be 1, 2, 3 or 4');
  const traceId = `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-local`;
  if (hits.length === 0) {
    return jsonReply({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
      trace_id: traceId,
    });
  }
  return jsonReply({
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: 'risky', label: hits[0].label },
    detail: [
      ...hits.map((h) => ({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: h.label, level: 20, keyword: h.word })),
      { strategy: 'content_model', errcode: 0, suggest: 'risky', label: hits[0].label, prob: 90 },
    ],
    trace_id: traceId,
  });
};

/** subscribeMessage.send: validated as WeChat does for the common mistakes, then kept in the outbox. */
export const subscribeMessageSend: OpenApi = async (data, ctx) => {
  const { touser, template_id: templateId, page, miniprogram_state: state, lang } = data;
  if (typeof touser !== 'string' || !touser) return wxError(40003, 'invalid openid');
  if (typeof templateId !== 'string' || !templateId) return wxError(40037, 'invalid template_id');
  const fields = data.data;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return wxError(47003, 'argument invalid! data is empty');
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    const inner = (value as { value?: unknown } | null)?.value;
    if (inner === undefined || inner === null || inner === '') return wxError(47003, `argument invalid! data.${key}.value is empty`);
  }
  if (state !== undefined && (typeof state !== 'string' || !['developer', 'trial', 'formal'].includes(state))) {
    return wxError(47003, 'argument invalid! miniprogram_state must be developer, trial or formal');
  }
  await ctx.outbox.add({
    touser,
    templateId,
    page: typeof page === 'string' ? page : undefined,
    data: fields as Record<string, unknown>,
    miniprogramState: typeof state === 'string' ? state : undefined,
    lang: typeof lang === 'string' ? lang : undefined,
    sentBy: ctx.callerOpenId,
  });
  return jsonReply({ errcode: 0, errmsg: 'ok', msgid: Date.now() });
};

/** Characters WeChat allows in a scene. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** Where the local QR codes point; a scan in the WeChat app would open the mini-program instead. */
export const QR_BASE_URL = 'https://yanzhen.local/';

export function qrTextFor(page: string, scene: string): string {
  return `${QR_BASE_URL}${page}?scene=${encodeURIComponent(scene)}`;
}

/** wxacode.getUnlimited: a real PNG QR code of page + scene. */
export const wxacodeGetUnlimited: OpenApi = async (data) => {
  const scene = data.scene;
  if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) return wxError(40169, 'invalid length for scene, or the data is not json string');
  const page = data.page === undefined || data.page === '' ? 'pages/index/index' : data.page;
  if (typeof page !== 'string' || page.startsWith('/') || !/^[A-Za-z0-9_\-/]+$/.test(page)) return wxError(41030, 'invalid page rule');
  const width = data.width === undefined ? 430 : Number(data.width);
  if (!Number.isFinite(width)) return wxError(47001, 'data format error: width must be a number');
  const size = Math.min(1280, Math.max(280, Math.round(width)));
  const body = await QRCode.toBuffer(qrTextFor(page, scene), { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
  return { contentType: 'image/png', body };
};

/**
 * The local verdict of mediaCheckAsync, deterministic so that tests and demos can choose it: a file
 * whose name contains `risky` is risky (label 20002, 色情), every other file passes. WeChat's real
 * verdict comes from its models; nothing else about it is emulated.
 */
export function localMediaVerdict(mediaUrl: string): { suggest: 'pass' | 'risky'; label: number } {
  let path = mediaUrl;
  try {
    path = decodeURIComponent(new URL(mediaUrl).pathname);
  } catch {
    // not a URL: judge the text as given
  }
  // The local cloud's own temporary URLs carry the cloud path base64url-encoded (storage/paths.ts).
  const local = /\/__storage\/download\/([A-Za-z0-9_-]+)$/.exec(path);
  if (local) path = Buffer.from(local[1], 'base64url').toString('utf8');
  const name = path.split('/').pop() ?? '';
  return /risky/i.test(name) ? { suggest: 'risky', label: 20002 } : { suggest: 'pass', label: 100 };
}

/** How long after the call the verdict is pushed (WeChat: seconds to minutes; here short but asynchronous). */
export const MEDIA_CHECK_DELAY_MS = 50;

/**
 * security.mediaCheckAsync (v2): answers a trace_id at once; the verdict arrives later as a message push
 * (MsgType `event`, Event `wxa_media_check`) to the mini-program's message-push target.
 */
export const mediaCheckAsync: OpenApi = async (data, ctx) => {
  const mediaUrl = data.media_url;
  if (typeof mediaUrl !== 'string' || !/^https?:\/\//.test(mediaUrl)) return wxError(47003, 'argument invalid! media_url must be an http(s) URL');
  const mediaType = Number(data.media_type);
  if (mediaType !== 1 && mediaType !== 2) return wxError(47003, 'argument invalid! media_type must be 1 (audio) or 2 (image)');
  if (Number(data.version) !== 2) return wxError(47003, 'argument invalid! only version 2 is emulated');
  if (typeof data.openid !== 'string' || !data.openid) return wxError(40003, 'invalid openid');
  const scene = Number(data.scene);
  if (!Number.isInteger(scene) || scene < 1 || scene > 4) return wxError(47003, 'argument invalid! scene must be 1, 2, 3 or 4');
  const traceId = `${randomBytes(8).toString('hex')}-${randomBytes(4).toString('hex')}-media`;
  const verdict = localMediaVerdict(mediaUrl);
  const push = ctx.messagePush;
  if (push) {
    setTimeout(() => {
      push({
        ToUserName: 'gh_local',
        FromUserName: data.openid,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'local',
        trace_id: traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 }],
        errcode: 0,
        errmsg: 'ok',
        result: verdict,
      });
    }, MEDIA_CHECK_DELAY_MS).unref();
  }
  return jsonReply({ errcode: 0, errmsg: 'ok', trace_id: traceId });
};

export const OPEN_APIS: Record<string, OpenApi> = {
  'security.mediaCheckAsync': mediaCheckAsync,
  'security.msgSecCheck': msgSecCheck,
  'subscribeMessage.send': subscribeMessageSend,
  'wxacode.getUnlimited': wxacodeGetUnlimited,
};
