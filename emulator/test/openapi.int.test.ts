import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

/** cloud.openapi.* through wx-server-sdk inside a function (fixture `openapi`). */
describe('open API', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startTestEmulator();
    token = await emu.login('openapi-user');
  });
  afterAll(() => emu.close());

  const openapi = async (event: Record<string, unknown>) => {
    const reply = await emu.call('openapi', event, token);
    expect(reply.status).toBe(200);
    return reply.body.result;
  };

  describe('security.msgSecCheck', () => {
    it.each([
      ['这里可以赌博吗', 20006],
      ['提供代开发票服务', 20006],
      ['色情内容', 20002],
      ['this has a FORBIDDEN-WORD-TEST inside', 21000],
    ])('marks %p as risky (label %p)', async (content, label) => {
      const res = await openapi({ action: 'check', content });
      expect(res.errCode).toBe(0);
      expect(res.result).toEqual({ suggest: 'risky', label });
      expect(res.detail.some((d: { keyword?: string }) => d.keyword && content.toLowerCase().includes(d.keyword))).toBe(true);
      expect(typeof res.traceId).toBe('string');
    });

    it('passes ordinary text', async () => {
      const res = await openapi({ action: 'check', content: '本月沙龙讨论老旧小区停车难问题' });
      expect(res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    });

    it('answers errcode 87014 for risky text with the v1 API', async () => {
      expect(await openapi({ action: 'checkV1', content: '赌博' })).toMatchObject({ thrown: true, errCode: 87014 });
      expect(await openapi({ action: 'checkV1', content: '你好' })).toMatchObject({ errCode: 0 });
    });
  });

  describe('subscribeMessage.send', () => {
    it('keeps sent messages in an outbox readable through the dev API', async () => {
      const data = { thing1: { value: '第三期社区书记沙龙' }, time2: { value: '2024-05-20 14:00' } };
      const res = await openapi({ action: 'notify', touser: 'secretary-7', templateId: 'salon-reminder', data });
      expect(res.errCode).toBe(0);
      const outbox = (await (await fetch(`${emu.url}/api/dev/outbox?touser=secretary-7`)).json()) as Array<Record<string, unknown>>;
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ touser: 'secretary-7', templateId: 'salon-reminder', data, page: 'pages/salon/detail?id=1', sentBy: 'openapi-user' });
      const all = (await (await fetch(`${emu.url}/api/dev/outbox`)).json()) as unknown[];
      expect(all.length).toBeGreaterThanOrEqual(1);
    });

    it('refuses a message without a template or with an empty field', async () => {
      const noTemplate = await openapi({ action: 'notify', templateId: '', data: { thing1: { value: 'x' } } });
      expect(noTemplate).toMatchObject({ thrown: true, errCode: 40037 });
      const emptyField = await openapi({ action: 'notify', templateId: 't', data: { thing1: { value: '' } } });
      expect(emptyField).toMatchObject({ thrown: true, errCode: 47003 });
    });

    it('survives a restart', async () => {
      const dataDir = emu.dataDir;
      const before = (await (await fetch(`${emu.url}/api/dev/outbox`)).json()) as unknown[];
      await emu.close({ keepData: true });
      emu = await startTestEmulator({ dataDir });
      token = await emu.login('openapi-user');
      expect(await (await fetch(`${emu.url}/api/dev/outbox`)).json()).toEqual(before);
    });
  });

  describe('wxacode.getUnlimited', () => {
    it('answers a PNG QR code that encodes the page and scene', async () => {
      const res = await openapi({ action: 'qr', scene: 'sid=s-017', page: 'pages/showcase/detail', width: 430 });
      expect(res.errCode).toBe(0);
      expect(res.contentType).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(res.base64, 'base64'));
      expect(png.width).toBe(png.height);
      expect(png.width).toBeGreaterThanOrEqual(280);
      expect(png.width).toBeLessThanOrEqual(1280);
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe('https://yanzhen.local/pages/showcase/detail?scene=sid%3Ds-017');
    });

    it('refuses a scene longer than 32 characters and a page with a leading slash', async () => {
      expect(await openapi({ action: 'qr', scene: 'x'.repeat(33) })).toMatchObject({ thrown: true, errCode: 40169 });
      expect(await openapi({ action: 'qr', scene: 'ok', page: '/pages/index/index' })).toMatchObject({ thrown: true, errCode: 41030 });
    });
  });
});
