import http from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { startLocalCloud } from '../../scripts/local-cloud';
import { connectSdk, type WxDatabase } from './sdk';
import { startTestEmulator, type TestEmulator } from './functions-harness';

jest.setTimeout(60_000);

interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request to the emulator's port with exactly the headers given (fetch would set Host itself). */
function request(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether a TCP connection to `address`:`port` is accepted. */
function connects(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

describe('a local cloud only its user can reach', () => {
  let emu: TestEmulator;
  let port: number;
  let token: string;
  let db: WxDatabase;

  beforeAll(async () => {
    emu = await startTestEmulator();
    port = emu.emulator.port;
    token = await emu.login('security-user');
    ({ db } = connectSdk(port));
  });
  afterAll(() => emu.close());

  const invocations = () => emu.emulator.runtime.stats().invocations;

  it('refuses /admin and /api requests addressed to another host name (DNS rebinding) with a 403 JSON error', async () => {
    const before = invocations();
    const rebound = { host: `evil.example:${port}` };
    const admin = await request(port, 'POST', '/admin', rebound, JSON.stringify({ action: 'database.queryDocument', collectionName: 'items', query: '{}' }));
    expect(admin.status).toBe(403);
    expect(JSON.parse(admin.body)).toEqual({ errCode: -1, errMsg: expect.stringContaining('Host "evil.example') });
    const call = await request(port, 'POST', '/api/functions/whoami', { ...rebound, authorization: `Bearer ${token}` }, '{}');
    expect(call.status).toBe(403);
    const login = await request(port, 'POST', '/api/dev/login', rebound, JSON.stringify({ openid: 'attacker' }));
    expect(login.status).toBe(403);
    expect(JSON.parse(login.body).token).toBeUndefined();
    // Same name, other port: still not this server.
    expect((await request(port, 'POST', '/api/functions/whoami', { host: `127.0.0.1:${port + 1}`, authorization: `Bearer ${token}` }, '{}')).status).toBe(403);
    expect(invocations()).toBe(before);
  });

  it('refuses calls from another site’s page (Origin), and a sandboxed page’s "null" origin', async () => {
    const before = invocations();
    for (const origin of ['https://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const call = await request(port, 'POST', '/api/functions/whoami', { host: `127.0.0.1:${port}`, origin, authorization: `Bearer ${token}` }, '{}');
      expect(call.status).toBe(403);
      expect(JSON.parse(call.body).errMsg).toContain('Origin');
    }
    const admin = await request(port, 'POST', '/admin', { host: `127.0.0.1:${port}`, origin: 'https://evil.example' }, '{"action":"database.queryDocument"}');
    expect(admin.status).toBe(403);
    expect(invocations()).toBe(before);
  });

  it('answers requests addressed to 127.0.0.1, localhost or [::1] with its port, from its own pages or from no page', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      for (const origin of [undefined, `http://${host.toLowerCase()}`, `http://127.0.0.1:${port}`]) {
        const headers: Record<string, string> = { host, authorization: `Bearer ${token}` };
        if (origin) headers.origin = origin;
        const call = await request(port, 'POST', '/api/functions/whoami', headers, JSON.stringify({ echo: host }));
        expect(call.status).toBe(200);
        expect(JSON.parse(call.body).result).toMatchObject({ echo: host, after: { OPENID: 'security-user' } });
      }
    }
    // What the H5 preview sends: same-origin fetch with an Origin header.
    const viaFetch = await fetch(`${emu.url}/api/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: emu.url },
      body: '{}',
    });
    expect(viaFetch.status).toBe(200);
  });

  it('still serves wx-server-sdk (no Origin, Host 127.0.0.1:<port>) and functions calling back to /admin', async () => {
    const { _id } = await db.collection('items').add({ data: { title: 'from the SDK' } });
    const { data } = await db.collection('items').doc(_id).get();
    expect(data.title).toBe('from the SDK');
    const relayed = await emu.call('relay', { target: 'whoami', data: { echo: 'relayed' } }, token);
    expect(relayed.status).toBe(200);
    expect(relayed.body.result.result.echo).toBe('relayed');
  });

  it('serves the H5 preview and signed downloads to any Host (GET only): nothing there acts on data', async () => {
    const page = await request(port, 'GET', '/', { host: `evil.example:${port}` });
    expect(page.status).toBe(200);
    const put = await request(port, 'PUT', '/__storage/upload/whatever', { host: `evil.example:${port}` }, 'bytes');
    expect(put.status).toBe(403);
  });
});

describe('where the local cloud listens', () => {
  it('binds to 127.0.0.1 by default, even when the generic HOST variable says otherwise', async () => {
    const cloud = await startLocalCloud({ quiet: true, env: { HOST: '0.0.0.0', PREWARM: '0' } });
    try {
      expect(new URL(cloud.url).hostname).toBe('127.0.0.1');
      expect(await connects('127.0.0.1', cloud.port)).toBe(true);
      const lan = lanAddress();
      // A machine without a network interface has nothing to reach it from.
      if (lan) expect(await connects(lan, cloud.port)).toBe(false);
    } finally {
      await cloud.stop();
    }
  });

  it('listens on every interface only when told (YANZHEN_CLOUD_HOST=0.0.0.0), and still answers only its own addresses', async () => {
    const emu = await startTestEmulator({ host: '0.0.0.0' });
    try {
      const port = emu.emulator.port;
      const token = await emu.login('lan-user');
      const lan = lanAddress();
      const hosts = [`127.0.0.1:${port}`, ...(lan ? [`${lan}:${port}`] : [])];
      for (const host of hosts) {
        expect((await request(port, 'POST', '/api/functions/whoami', { host, authorization: `Bearer ${token}` }, '{}')).status).toBe(200);
      }
      expect((await request(port, 'POST', '/api/functions/whoami', { host: `evil.example:${port}`, authorization: `Bearer ${token}` }, '{}')).status).toBe(403);
    } finally {
      await emu.close();
    }
  });
});
