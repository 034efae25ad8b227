import { HttpError, readBody, sendJson, type Route } from '../server';
import type { FunctionsClock } from '../functions/fake-clock';
import type { Outbox } from '../openapi/outbox';
import { OPENID_PATTERN, type SessionStore } from './sessions';

/**
 * Local-mode endpoints under `/api/dev/` (no counterpart in production):
 * - `POST /api/dev/login {openid}` → `{token}`: act as that WeChat user in the H5 preview;
 * - `GET /api/dev/outbox[?touser=]` → subscribe messages functions have sent;
 * - `GET /api/dev/stats` → operation counters (database operations per action, invocations);
 * - `POST /api/dev/clock {offsetMs}` → shifts the functions' clock (only with YANZHEN_FAKE_CLOCK=1).
 */
export interface DevApiOptions {
  sessions: SessionStore;
  outbox: Outbox;
  stats: () => Record<string, unknown>;
  /** Present only when the local cloud runs with a fake clock for functions (tests). */
  clock?: FunctionsClock;
}

const LOGIN_BODY_LIMIT = 4 * 1024;

export function devApiRoute(opts: DevApiOptions): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/api/dev/')) return false;
    const endpoint = `${req.method} ${url.pathname}`;
    switch (endpoint) {
      case 'POST /api/dev/login': {
        const body = await readBody(req, LOGIN_BODY_LIMIT);
        let openid: unknown;
        try {
          openid = (JSON.parse(body.toString('utf8')) as { openid?: unknown } | null)?.openid;
        } catch {
          throw new HttpError(400, 'body must be JSON {"openid": "..."}');
        }
        if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
          throw new HttpError(400, 'openid must be 1-64 characters of A-Z, a-z, 0-9, _ and -');
        }
        sendJson(res, 200, { token: await opts.sessions.login(openid), openid });
        return true;
      }
      case 'GET /api/dev/outbox':
        sendJson(res, 200, opts.outbox.list({ touser: url.searchParams.get('touser') ?? undefined }));
        return true;
      case 'POST /api/dev/clock': {
        if (!opts.clock) throw new HttpError(404, 'the functions clock is real (start with YANZHEN_FAKE_CLOCK=1 to shift it)');
        let offsetMs: unknown;
        try {
          offsetMs = (JSON.parse((await readBody(req, LOGIN_BODY_LIMIT)).toString('utf8')) as { offsetMs?: unknown } | null)?.offsetMs;
        } catch {
          throw new HttpError(400, 'body must be JSON {"offsetMs": n}');
        }
        if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) throw new HttpError(400, 'offsetMs must be a finite number');
        opts.clock.offsetMs = offsetMs;
        sendJson(res, 200, { offsetMs, now: new Date(Date.now() + offsetMs) });
        return true;
      }
      case 'GET /api/dev/stats':
        sendJson(res, 200, opts.stats());
        return true;
      default:
        throw new HttpError(404, `no dev endpoint ${endpoint}`);
    }
  };
}
