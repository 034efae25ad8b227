import { existsSync, promises as fs, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeFor } from '../mime';
import type { Route } from '../server';

/**
 * Serves the H5 preview (build/h5) for GETs no other route took: files with their content types,
 * and `index.html` for unknown paths without an extension (client-side routes). Nothing outside the
 * folder is reachable. Without a build, a short page says how to make one.
 */
const NOTICE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>雁阵 · 本地云</title></head>
<body style="font-family: sans-serif; font-size: 16px; margin: 2em">
<h1>雁阵 Yanzhen local cloud is running</h1>
<p>The H5 preview has not been built yet. Run <code>npm run build:h5</code> (or <code>npm start</code>) and reload.</p>
<p>H5 预览尚未构建：请运行 <code>npm run build:h5</code> 后刷新。</p>
</body></html>`;

/**
 * While `npm start` seeds a new data folder it leaves this file in it (scripts/start.ts): pages then get a short
 * "preparing" page that reloads itself, instead of an app with empty lists.
 */
export const PREPARING_MARKER = 'preparing-demo-data';

const PREPARING = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="2"><title>雁阵 · 正在准备演示数据</title></head>
<body style="font-family: sans-serif; font-size: 18px; line-height: 1.6; margin: 2em; color: #1f1f1f">
<h1 style="color: #C8161D; font-size: 24px">正在准备演示数据…</h1>
<p>本地云已经启动，正在写入书记风采、大比武和沙龙的演示数据，通常只需几秒钟。本页会自动刷新。</p>
<p style="color: #6b6b6b">Preparing the demo data; this page reloads by itself.</p>
</body></html>`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` for a URL path, or undefined when the path escapes the root or is malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  return target === base || target.startsWith(base + sep) ? target : undefined;
}

/** `dataDir`, when given, is watched for PREPARING_MARKER. */
export function staticRoute(staticDir: string, dataDir?: string): Route {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/__storage/') || url.pathname === '/admin') return false;
    // Pages (not their scripts and styles) wait for the demo data; 503 + Retry-After says "soon" to tools too.
    if (dataDir && extname(url.pathname) === '' && existsSync(join(dataDir, PREPARING_MARKER))) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(PREPARING), 'retry-after': '2', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : PREPARING);
      return true;
    }
    const index = join(staticDir, 'index.html');
    if (!isFile(index)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(NOTICE) });
      res.end(req.method === 'HEAD' ? undefined : NOTICE);
      return true;
    }
    const target = resolveStaticPath(staticDir, url.pathname);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('bad path');
      return true;
    }
    let file = isFile(target) ? target : isFile(join(target, 'index.html')) ? join(target, 'index.html') : undefined;
    // A missing asset (has an extension) is a 404; anything else is a client-side route.
    if (!file && extname(url.pathname) === '') file = index;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return true;
    }
    const bytes = await fs.readFile(file);
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'content-type': contentTypeFor(file),
      'content-length': bytes.length,
      // HTML always fresh (it names the hashed bundles); other files may be cached briefly.
      'cache-control': isHtml ? 'no-cache' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  };
}
