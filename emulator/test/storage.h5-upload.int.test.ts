import { randomBytes } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

/**
 * The H5 preview's upload (`POST /api/storage/upload`), the stand-in for `wx.cloud.uploadFile`: a signed-in
 * preview user stores a photo, and a cloud function sees it through the real SDK like any uploaded file.
 */
describe('client upload from the H5 preview', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startTestEmulator();
    token = await emu.login('demo-secretary');
  });
  afterAll(() => emu.close());

  const upload = (cloudPath: string, body: Buffer, auth: string | null = token) =>
    fetch(`${emu.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: new Uint8Array(body),
    });

  const files = async (event: Record<string, unknown>) => (await emu.call('files', event, token)).body.result;

  it('stores the bytes under the cloud path and answers the fileID the SDK reads back', async () => {
    const bytes = randomBytes(40 * 1024);
    const res = await upload('showcases/sec-01/a1b2c3.png', bytes);
    expect(res.status).toBe(200);
    const { fileID, cloudPath } = (await res.json()) as { fileID: string; cloudPath: string };
    expect(cloudPath).toBe('showcases/sec-01/a1b2c3.png');
    expect(fileID).toBe('cloud://yanzhen-test.yanzhen-test-1300000000/showcases/sec-01/a1b2c3.png');

    const downloaded = await files({ action: 'download', fileID });
    expect(Buffer.from(downloaded.base64, 'base64')).toEqual(bytes);
    const [link] = await files({ action: 'url', fileList: [fileID] });
    const fetched = await fetch(link.tempFileURL);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);
  });

  it('refuses callers who are not signed in to the preview', async () => {
    expect((await upload('showcases/sec-01/anon.png', Buffer.from('x'), null)).status).toBe(401);
    expect((await upload('showcases/sec-01/forged.png', Buffer.from('x'), 'not-a-token')).status).toBe(401);
  });

  it('refuses unsafe paths, empty files and overwriting an existing file', async () => {
    for (const bad of ['../escape.png', 'showcases/../../x.png', '', 'a//b.png']) {
      expect((await upload(bad, Buffer.from('x'))).status).toBe(400);
    }
    expect((await upload('showcases/sec-01/empty.png', Buffer.alloc(0))).status).toBe(400);
    expect((await upload('showcases/sec-01/once.png', Buffer.from('first'))).status).toBe(200);
    const again = await upload('showcases/sec-01/once.png', Buffer.from('second'));
    expect(again.status).toBe(409);
    const kept = await files({ action: 'download', fileID: 'cloud://yanzhen-test.yanzhen-test-1300000000/showcases/sec-01/once.png' });
    expect(Buffer.from(kept.base64, 'base64').toString()).toBe('first');
  });

  it('refuses files over 10 MB and keeps nothing of them', async () => {
    const res = await upload('showcases/sec-01/huge.png', Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    const [link] = await files({ action: 'url', fileList: ['cloud://yanzhen-test.yanzhen-test-1300000000/showcases/sec-01/huge.png'] });
    expect(link.status).not.toBe(0);
  });
});
