import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { EmulatorError } from './errors';
import { allowedHosts, isGuarded, refusalReason } from './local-origin';
import type { AdminHandlers, AdminRequest, EmulatorOptions, RawReply } from './types';

/**
 * One HTTP server on 127.0.0.1: `/admin` speaks the CloudBase protocol that wx-server-sdk sends.
 * Other routes (dev login, function calls over HTTP, storage bytes, the H5 preview) are added by
 * their services through `routes`. Requests that act must be addressed to the local cloud and not come
 * from another site (local-origin.ts); others get 403.
 */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface ServerParts {
  handlers: AdminHandlers;
  /** Tried in order before the 404; a route returns true when it answered. */
  routes: Route[];
}

/** A route's answer as an HTTP error: the server sends `status` with `{ errCode, errMsg }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errCode = -1,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Generous for `/admin` (a batch insert); routes that take user input pass a smaller limit. */
export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

/** Reads the whole body; more than `limit` bytes → HttpError 413 (the rest of the upload is not kept). */
export function readBody(req: http.IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new HttpError(413, `request body larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Sends JSON that is already text. */
export function sendJsonText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function isRaw(reply: unknown): reply is RawReply {
  return typeof reply === 'object' && reply !== null && (reply as RawReply).raw === true;
}

async function parseAdmin(req: http.IncomingMessage, requestId: string): Promise<AdminRequest> {
  const raw = await readBody(req);
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType.startsWith('multipart/')) {
    // wx.openApi: the action is a form field; the openapi service parses the rest.
    const m = /name="action"\r\n\r\n([^\r]*)/.exec(raw.toString('latin1'));
    return { action: m ? m[1] : '', params: {}, raw, contentType, requestId };
  }
  const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const { action, ...params } = body;
  return { action: typeof action === 'string' ? action : '', params, requestId };
}

async function handleAdmin(parts: ServerParts, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const requestId = randomUUID();
  try {
    const adminReq = await parseAdmin(req, requestId);
    const handler = parts.handlers[adminReq.action];
    if (!handler) throw new EmulatorError('ACTION_NOT_SUPPORTED', `action ${adminReq.action} is not supported by the local cloud`);
    const reply = await handler(adminReq);
    if (isRaw(reply)) {
      res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': reply.body.length });
      res.end(reply.body);
      return;
    }
    sendJson(res, 200, { requestId, ...(reply as object) });
  } catch (err) {
    // CloudBase answers errors with HTTP 200 and a `code`; the SDK maps the code to an errCode.
    if (err instanceof EmulatorError) sendJson(res, 200, { code: err.code, message: err.message, requestId });
    else if (err instanceof HttpError) sendJson(res, 200, { code: 'INVALID_PARAM', message: err.message, requestId });
    else if (err instanceof SyntaxError) sendJson(res, 200, { code: 'INVALID_PARAM', message: err.message, requestId });
    else {
      console.error(`[emulator] ${requestId} internal error`, err);
      sendJson(res, 200, { code: 'INTERNAL_ERROR', message: String((err as Error)?.message ?? err), requestId });
    }
  }
}

export interface RunningServer {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export function startServer(opts: Pick<EmulatorOptions, 'host' | 'port'>, parts: ServerParts): Promise<RunningServer> {
  // Known once listening (port 0 picks one); no request is served before.
  let hosts = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (isGuarded(req.method, url.pathname)) {
      const refused = refusalReason(req, hosts);
      if (refused) {
        req.resume();
        sendJson(res, 403, { errCode: -1, errMsg: `refused: ${refused}` });
        return;
      }
    }
    void (async () => {
      try {
        if (req.method === 'POST' && url.pathname === '/admin') return await handleAdmin(parts, req, res);
        for (const route of parts.routes) if (await route(req, res, url)) return;
        sendJson(res, 404, { errCode: -1, errMsg: `no route for ${req.method} ${url.pathname}` });
      } catch (err) {
        if (err instanceof HttpError) {
          if (!res.headersSent) sendJson(res, err.status, { errCode: err.errCode, errMsg: err.message });
          return;
        }
        console.error('[emulator] route failed', err);
        if (!res.headersSent) sendJson(res, 500, { errCode: -1, errMsg: String((err as Error)?.message ?? err) });
      }
    })();
  });
  // The SDK's agent keeps sockets alive; outlive its idle timeout so requests never hit a closed socket.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      hosts = allowedHosts(opts.host, port);
      resolve({
        server,
        port,
        url: `http://${opts.host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
