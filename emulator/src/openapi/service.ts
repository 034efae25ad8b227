import { assert } from '../errors';
import type { AdminHandlers, RawReply } from '../types';
import { OPEN_APIS, type ApiReply } from './apis';
import { parseMultipart } from './multipart';
import type { Outbox } from './outbox';
import { openApiSchema } from './protobuf';

/**
 * `wx.openApi`: what `cloud.openapi.X.y(args)` sends. A multipart form whose `requestData` is a
 * protobuf `CommApiData` (pairs of snake_case key → JSON bytes); the answer is a protobuf
 * `CommOpenApiResp` carrying WeChat's own reply (JSON or an image).
 */
export interface OpenApiServiceOptions {
  outbox: Outbox;
  /** Resolves the `tcb_sessionToken` form field to the calling user's OpenID. */
  callerOpenId(sessionToken: string | undefined): string | undefined;
  /**
   * Delivers a message push to the mini-program's message-push target (a cloud function; see
   * MESSAGE_PUSH_FUNCTION). Without it, pushes (e.g. mediaCheckAsync verdicts) are dropped.
   */
  messagePush?: (event: Record<string, unknown>) => Promise<unknown>;
}

/**
 * The cloud function WeChat pushes messages to. On the platform it is a console setting (开发管理 →
 * 消息推送 → 云函数), not a file of the project, so locally it is this variable, `showcase` by default.
 */
export const MESSAGE_PUSH_FUNCTION = process.env.YANZHEN_MESSAGE_PUSH_FUNCTION || 'showcase';

export function decodeRequestData(requestData: Buffer): Record<string, unknown> {
  const schema = openApiSchema();
  const message = schema.CommApiData.decode(requestData);
  assert(message.apiType === schema.CommApiData.ApiType.OPEN_API, 'OPENAPI_REQUEST_FAIL', `only OPEN_API calls are emulated (got apiType ${message.apiType})`);
  const data: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const bytes = Buffer.from(pair.value);
    // Media parameters (e.g. an image for img check) come as raw bytes with a content type.
    if (pair.contenttype) data[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value: bytes };
    else {
      try {
        data[pair.key] = JSON.parse(bytes.toString('utf8'));
      } catch {
        assert(false, 'INVALID_PARAM', `openapi parameter ${pair.key} is not JSON`);
      }
    }
  }
  return data;
}

export function encodeResponse(reply: ApiReply): Buffer {
  const schema = openApiSchema();
  return Buffer.from(schema.CommOpenApiResp.encode({ respData: reply.body, contentType: reply.contentType, errorCode: 0, httpCode: 200 }).finish());
}

export function openApiHandlers(opts: OpenApiServiceOptions): AdminHandlers {
  return {
    'wx.openApi': async (req) => {
      assert(req.raw && req.contentType, 'INVALID_PARAM', 'wx.openApi expects a multipart form');
      const fields = new Map(parseMultipart(req.raw, req.contentType).map((p) => [p.name, p.value]));
      const apiName = fields.get('apiName')?.toString('utf8') ?? '';
      const api = OPEN_APIS[apiName];
      assert(api, 'OPENAPI_REQUEST_FAIL', `openapi ${apiName || '(none)'} is not available in the local cloud (emulated: ${Object.keys(OPEN_APIS).join(', ')})`);
      const requestData = fields.get('requestData');
      assert(requestData, 'INVALID_PARAM', 'requestData is missing');
      const data = decodeRequestData(requestData);
      const push = opts.messagePush;
      const messagePush = push
        ? (event: Record<string, unknown>) => {
            push(event).catch((err: unknown) => console.error('[openapi] message push failed', err));
          }
        : undefined;
      const reply = await api(data, { outbox: opts.outbox, callerOpenId: opts.callerOpenId(fields.get('tcb_sessionToken')?.toString('utf8')), messagePush });
      // Not JSON's exact content type: the SDK would then parse the protobuf as JSON.
      const raw: RawReply = { raw: true, status: 200, contentType: 'application/octet-stream', body: encodeResponse(reply) };
      return raw;
    },
  };
}
