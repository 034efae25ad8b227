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
