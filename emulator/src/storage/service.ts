import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, promises as fs, readFileSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { dirname, join } from 'node:path';
import { syncDir, writeFileDurably } from '../durable-file';
import { assert } from '../errors';
import { contentTypeFor } from '../mime';
import { HttpError, readBody, sendJson, type Route } from '../server';
import type { AdminHandlers } from '../types';
import { fileIdFor, normalizeCloudPath, pathOfFileId, UrlSigner } from './paths';

/**
 * Cloud storage on the local disk (`<dataDir>/storage/<cloud path>`), behind the same two-step
 * protocol as CloudBase + COS: `/admin` actions hand out upload and download URLs, and the bytes
 * travel by PUT/GET to those URLs on this server.
 */
export interface StorageServiceOptions {
  dataDir: string;
  envId: string;
  /** This server's base URL, known once it listens. */
  baseUrl: () => string;
}

/** Temporary download URLs last 2 h by default, as in CloudBase. */
export const DEFAULT_MAX_AGE_SECONDS = 7200;
const MAX_MAX_AGE_SECONDS = 86400;
/** An upload URL is good for 10 minutes. */
const UPLOAD_URL_LIFETIME_MS = 10 * 60 * 1000;
/** A cloud function's upload is bounded by its memory anyway; 50 MB covers photos and exports. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** A photo from the H5 preview's editor (a phone's `chooseImage` result, compressed): 10 MB is plenty. */
export const MAX_CLIENT_UPLOAD_BYTES = 10 * 1024 * 1024;
/** CloudBase takes at most 50 files per batch request. */
const MAX_BATCH = 50;

export class StorageService {
  readonly root: string;
  private readonly signer: UrlSigner;
  private readonly uploads = new Map<string, { path: string; expiresAt: number }>();

  constructor(private readonly opts: StorageServiceOptions) {
    this.root = join(opts.dataDir, 'storage');
    this.signer = new UrlSigner(loadOrCreateSecret(join(opts.dataDir, 'storage-url-secret')));
  }

  private filePath(path: string): string {
    return join(this.root, path);
  }

  private exists(path: string): boolean {
    try {
      return statSync(this.filePath(path)).isFile();
    } catch {
      return false;
    }
  }

  handlers(): AdminHandlers {
    return {
      'storage.getUploadMetadata': ({ params }) => {
        const path = normalizeCloudPath(params.path);
        assert(path, 'INVALID_PARAM', `invalid cloudPath ${JSON.stringify(params.path)}: a relative path without "." or ".." segments`);
        const token = randomBytes(18).toString('base64url');
        this.uploads.set(token, { path, expiresAt: Date.now() + UPLOAD_URL_LIFETIME_MS });
        const fileId = fileIdFor(this.opts.envId, path);
        return {
          data: { url: `${this.opts.baseUrl()}/__storage/upload/${token}`, token, authorization: `local ${token}`, fileId, cosFileId: token, download_url: '' },
        };
      },
      'storage.batchGetDownloadUrl': ({ params }) => {
        const list = params.file_list;
        assert(Array.isArray(list) && list.length <= MAX_BATCH, 'INVALID_PARAM', `file_list must be an array of at most ${MAX_BATCH}`);
        const now = Math.floor(Date.now() / 1000);
        const download_list = list.map((item: { fileid?: unknown; max_age?: unknown }) => {
          const path = pathOfFileId(this.opts.envId, item?.fileid);
          // Chosen: a fileID of another environment is reported like a missing file.
          if (!path || !this.exists(path)) return { fileID: item?.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
          const requested = Number(item.max_age);
          const maxAge = Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), MAX_MAX_AGE_SECONDS) : DEFAULT_MAX_AGE_SECONDS;
          const tempFileURL = `${this.opts.baseUrl()}${this.signer.downloadPath(path, now + maxAge)}`;
          return { fileID: item.fileid, tempFileURL, code: 'SUCCESS', maxAge };
        });
        return { data: { download_list } };
      },
      'storage.batchDeleteFile': async ({ params }) => {
        const list = params.fileid_list;
        assert(Array.isArray(list) && list.length <= MAX_BATCH, 'INVALID_PARAM', `fileid_list must be an array of at most ${MAX_BATCH}`);
        const delete_list = [];
        for (const fileID of list as unknown[]) {
          const path = pathOfFileId(this.opts.envId, fileID);
          if (!path || !this.exists(path)) {
            delete_list.push({ fileID, code: 'STORAGE_FILE_NONEXIST' });
            continue;
          }
          await fs.rm(this.filePath(path));
          await syncDir(dirname(this.filePath(path)));
          delete_list.push({ fileID, code: 'SUCCESS' });
        }
        return { data: { delete_list } };
      },
    };
  }

  /**
   * The SDK's upload and download URLs, and, given the preview's logins, the H5 client's own upload (what
   * `wx.cloud.uploadFile` is in the mini-program).
   */
  routes(sessions?: ClientSessions): Route[] {
    const routes: Route[] = [(req, res, url) => this.upload(req, res, url), (req, res, url) => this.download(req, res, url)];
    if (sessions) routes.push((req, res, url) => this.clientUpload(req, res, url, sessions));
    return routes;
  }

  /**
   * `POST /api/storage/upload?cloudPath=<path>` with `Authorization: Bearer <token>` (from `/api/dev/login`) and
   * the file's bytes as the body → `{ fileID, cloudPath }`. CloudBase's default storage rule lets a signed-in
   * user create files but not overwrite another's; without owners on disk, this refuses every overwrite (the
   * client names its uploads at random anyway).
   */
  private async clientUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, sessions: ClientSessions): Promise<boolean> {
    if (url.pathname !== '/api/storage/upload') return false;
    if (req.method !== 'POST') throw new HttpError(405, 'use POST /api/storage/upload?cloudPath=<path>');
    if (!sessions.openidOf(bearerOf(req.headers.authorization))) {
      req.resume();
      throw new HttpError(401, 'not logged in: POST /api/dev/login first and send Authorization: Bearer <token>');
    }
    const path = normalizeCloudPath(url.searchParams.get('cloudPath'));
    if (!path) {
      req.resume();
      throw new HttpError(400, 'cloudPath must be a relative path without "." or ".." segments');
    }
    if (this.exists(path)) {
      req.resume();
      throw new HttpError(409, `a file already exists at ${path}`);
    }
    const body = await readBody(req, MAX_CLIENT_UPLOAD_BYTES);
    if (body.length === 0) throw new HttpError(400, 'the file is empty');
    await writeFileDurably(this.filePath(path), body);
    sendJson(res, 200, { fileID: fileIdFor(this.opts.envId, path), cloudPath: path });
    return true;
  }

  private async upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const m = /^\/__storage\/upload\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (!m || req.method !== 'PUT') return false;
    const pending = this.uploads.get(m[1]);
    if (!pending || pending.expiresAt < Date.now()) {
      req.resume();
      cosError(res, 403, 'AccessDenied', 'upload URL is unknown or has expired');
      return true;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BYTES);
    } catch {
      cosError(res, 413, 'EntityTooLarge', `uploads are limited to ${MAX_UPLOAD_BYTES} bytes`);
      return true;
    }
    // On disk and fsynced before the SDK hears success.
    await writeFileDurably(this.filePath(pending.path), body);
    this.uploads.delete(m[1]);
    res.writeHead(200, { etag: `"${randomBytes(8).toString('hex')}"`, 'content-length': 0 });
    res.end();
    return true;
  }

  private async download(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const m = /^\/__storage\/download\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const checked = this.signer.verify(m[1], url.searchParams.get('expires'), url.searchParams.get('sign'), Math.floor(Date.now() / 1000));
    if ('error' in checked) {
      cosError(res, 403, 'AccessDenied', checked.error);
      return true;
    }
    if (!this.exists(checked.path)) {
      cosError(res, 404, 'NoSuchKey', 'the specified key does not exist');
      return true;
    }
    const bytes = await fs.readFile(this.filePath(checked.path));
    res.writeHead(200, { 'content-type': contentTypeFor(checked.path), 'content-length': bytes.length, 'cache-control': 'private, max-age=600' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  }
}

/** The preview's logins (devapi's SessionStore): who a bearer token belongs to. */
export interface ClientSessions {
  openidOf(token: string | undefined): string | undefined;
}

function bearerOf(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}

/** COS answers errors as XML; the SDK reads Code, Message, RequestId and TraceId from it. */
function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(8).toString('hex');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString('hex');
  // Losing it only invalidates outstanding temp URLs, so a plain write at start-up is enough.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
