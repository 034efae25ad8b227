import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PREPARING_MARKER, resolveStaticPath, staticRoute } from './service';

describe('static paths', () => {
  const root = resolve('/srv/h5');
  it('resolves paths inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(root);
    expect(resolveStaticPath(root, '/js/app.js')).toBe(join(root, 'js', 'app.js'));
    expect(resolveStaticPath(root, '/%E9%9B%81.png')).toBe(join(root, '雁.png'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/js/..%2f..%2fetc', '/%00', '/%E0%A4%A'])('refuses %p', (p) => {
    expect(resolveStaticPath(root, p)).toBeUndefined();
  });
});

describe('pages while the demo data is being seeded', () => {
  let staticDir: string;
  let dataDir: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'yz-static-'));
    dataDir = mkdtempSync(join(tmpdir(), 'yz-data-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(staticDir, 'js'));
    writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log(1)');
    const route = staticRoute(staticDir, dataDir);
    server = http.createServer((req, res) => void route(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers pages with a self-reloading "正在准备演示数据" notice while the marker exists, then the app', async () => {
    writeFileSync(join(dataDir, PREPARING_MARKER), 'seeding');
    for (const path of ['/', '/pages/showcase/index?sid=sec-01']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const text = await res.text();
      expect(text).toContain('正在准备演示数据');
      expect(text).toContain('http-equiv="refresh"');
    }
    // Scripts and styles are not held back.
    expect((await fetch(`${base}/js/app.js`)).status).toBe(200);

    rmSync(join(dataDir, PREPARING_MARKER));
    const ready = await fetch(`${base}/pages/showcase/index?sid=sec-01`);
    expect(ready.status).toBe(200);
    await expect(ready.text()).resolves.toContain('<title>app</title>');
  });
});
