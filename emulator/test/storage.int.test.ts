import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

/** Cloud storage through wx-server-sdk inside a function (fixture `files`): upload, temp URL, download, delete. */
describe('cloud storage', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startTestEmulator();
    token = await emu.login('storage-user');
  });
  afterAll(() => emu.close());

  const files = async (event: Record<string, unknown>) => {
    const reply = await emu.call('files', event, token);
    if (reply.status !== 200) throw new Error(`files.${String(event.action)} → ${reply.status} ${reply.body.errMsg}`);
    return reply.body.result;
  };

  it('round-trips bytes: upload, temp URL, download, delete', async () => {
    const bytes = randomBytes(300 * 1024);
    const cloudPath = 'showcase/secretary-1/照片 1.png';
    const { fileID } = await files({ action: 'upload', cloudPath, base64: bytes.toString('base64') });
    expect(fileID).toBe(`cloud://yanzhen-test.yanzhen-test-1300000000/${cloudPath}`);
    // Stored under the data folder, whole.
    expect(readFileSync(join(emu.dataDir, 'storage', cloudPath))).toEqual(bytes);

    const [link] = await files({ action: 'url', fileList: [fileID] });
    expect(link).toMatchObject({ fileID, status: 0, maxAge: 7200 });
    // Plain ASCII without %-escapes: the SDK runs tempFileURL through encodeURI.
    expect(link.tempFileURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\x21-\x7e]+$/);
    expect(link.tempFileURL).not.toContain('%');
    const fetched = await fetch(link.tempFileURL);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);

    const downloaded = await files({ action: 'download', fileID });
    expect(Buffer.from(downloaded.base64, 'base64')).toEqual(bytes);

    expect(await files({ action: 'delete', fileList: [fileID] })).toEqual([{ fileID, status: 0 }]);
    expect(existsSync(join(emu.dataDir, 'storage', cloudPath))).toBe(false);
    expect((await fetch(link.tempFileURL)).status).toBe(404);
    const [gone] = await files({ action: 'url', fileList: [fileID] });
    expect(gone).toMatchObject({ fileID, status: -503003 });
    expect(await files({ action: 'delete', fileList: [fileID] })).toEqual([{ fileID, status: -503003 }]);
  });

  it('replaces a file uploaded again under the same path', async () => {
    const cloudPath = 'docs/minutes.txt';
    await files({ action: 'upload', cloudPath, base64: Buffer.from('first').toString('base64') });
    const { fileID } = await files({ action: 'upload', cloudPath, base64: Buffer.from('second').toString('base64') });
    const downloaded = await files({ action: 'download', fileID });
    expect(Buffer.from(downloaded.base64, 'base64').toString()).toBe('second');
  });

  it('refuses tampered, foreign and unsafe names', async () => {
    const { fileID } = await files({ action: 'upload', cloudPath: 'safe/a.txt', base64: Buffer.from('a').toString('base64') });
    const [link] = await files({ action: 'url', fileList: [fileID] });
    const tampered = link.tempFileURL.replace(/sign=[0-9a-f]/, (m: string) => (m.endsWith('0') ? 'sign=1' : 'sign=0'));
    expect((await fetch(tampered)).status).toBe(403);
    const expired = link.tempFileURL.replace(/expires=\d+/, 'expires=1000');
    expect((await fetch(expired)).status).toBe(403);

    const [foreign] = await files({ action: 'url', fileList: ['cloud://another-env.bucket/safe/a.txt'] });
    expect(foreign.status).toBe(-503003);

    const traversal = await emu.call('files', { action: 'upload', cloudPath: '../../outside.txt', base64: 'YQ==' }, token);
    expect(traversal.status).toBe(500);
    expect(traversal.body.errMsg).toContain('invalid cloudPath');
    expect(existsSync(join(emu.dataDir, '..', 'outside.txt'))).toBe(false);
  });

  it('refuses a PUT to an unknown upload URL with a COS error', async () => {
    const res = await fetch(`${emu.url}/__storage/upload/not-a-real-token`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
  });
});
