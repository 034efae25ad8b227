import { localMediaVerdict, mediaCheckAsync } from './apis';
import { decodeRequestData, encodeResponse } from './service';
import { parseMultipart } from './multipart';
import { openApiSchema } from './protobuf';
import { findSensitiveWords } from './sensitive-words';

describe('wx.openApi wire format', () => {
  it('decodes the CommApiData the SDK encodes (schema taken from wx-server-sdk)', () => {
    const schema = openApiSchema();
    const bytes = schema.CommApiData.encode({
      apiType: schema.CommApiData.ApiType.OPEN_API,
      openapiData: {
        pairs: [
          { key: 'content', value: Buffer.from(JSON.stringify('你好')), contenttype: '', filename: '' },
          { key: 'scene', value: Buffer.from('2'), contenttype: '', filename: '' },
        ],
      },
      appid: 'wx1',
    }).finish();
    expect(decodeRequestData(Buffer.from(bytes))).toEqual({ content: '你好', scene: 2 });
  });

  it('encodes a CommOpenApiResp the SDK can read back', () => {
    const body = Buffer.from('{"errcode":0}');
    const decoded = openApiSchema().CommOpenApiResp.decode(encodeResponse({ contentType: 'application/json', body }));
    expect(Buffer.from(decoded.respData)).toEqual(body);
    expect(decoded.contentType).toBe('application/json');
    expect(decoded.errorCode).toBe(0);
  });

  it('reads multipart fields, binary ones included', () => {
    const binary = Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="requestData"; filename="d"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      binary,
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    const parts = parseMultipart(body, 'multipart/form-data; boundary=XyZ');
    expect(parts.map((p) => p.name)).toEqual(['action', 'requestData']);
    expect(parts[0].value.toString()).toBe('wx.openApi');
    expect(parts[1].value).toEqual(binary);
    expect(parts[1].filename).toBe('d');
  });
});

describe('sensitive words', () => {
  it('finds listed words, ASCII case-insensitively', () => {
    expect(findSensitiveWords('有人在赌博').map((w) => w.word)).toEqual(['赌博']);
    expect(findSensitiveWords('FORBIDDEN-word-TEST').map((w) => w.label)).toEqual([21000]);
    expect(findSensitiveWords('社区书记沙龙')).toEqual([]);
  });
});

describe('security.mediaCheckAsync', () => {
  const call = async (data: Record<string, unknown>, messagePush?: (e: Record<string, unknown>) => void) =>
    JSON.parse((await mediaCheckAsync(data, { outbox: undefined as never, messagePush })).body.toString('utf8')) as Record<string, unknown>;
  const ok = { media_url: 'http://127.0.0.1:1/__storage/download/' + Buffer.from('showcases/sec-01/risky-1.png').toString('base64url') + '?sign=x', media_type: 2, version: 2, scene: 1, openid: 'o-1' };

  it('judges deterministically by file name, reading the local cloud\'s encoded temp URLs', () => {
    expect(localMediaVerdict(ok.media_url)).toEqual({ suggest: 'risky', label: 20002 });
    expect(localMediaVerdict('https://example.com/a/photo.png')).toEqual({ suggest: 'pass', label: 100 });
  });

  it('answers a trace_id at once and pushes the verdict for that trace_id later', async () => {
    jest.useFakeTimers();
    const pushed: Record<string, unknown>[] = [];
    const reply = await call(ok, (e) => pushed.push(e));
    expect(reply).toMatchObject({ errcode: 0, trace_id: expect.any(String) });
    expect(pushed).toEqual([]);
    jest.runAllTimers();
    jest.useRealTimers();
    expect(pushed).toEqual([expect.objectContaining({ MsgType: 'event', Event: 'wxa_media_check', trace_id: reply.trace_id, FromUserName: 'o-1', result: { suggest: 'risky', label: 20002 } })]);
  });

  it('refuses what WeChat refuses', async () => {
    expect(await call({ ...ok, media_url: 'file:///etc/passwd' })).toMatchObject({ errcode: 47003 });
    expect(await call({ ...ok, media_type: 3 })).toMatchObject({ errcode: 47003 });
    expect(await call({ ...ok, openid: '' })).toMatchObject({ errcode: 40003 });
    expect(await call({ ...ok, scene: 9 })).toMatchObject({ errcode: 47003 });
  });
});
