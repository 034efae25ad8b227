import type http from 'node:http';
import { assert, EmulatorError } from '../errors';
import { HttpError, readBody, sendJson, sendJsonText, type Route } from '../server';
import type { AdminHandlers, CallerIdentity } from '../types';
import { bearerToken, type SessionStore } from '../devapi/sessions';
import type { FunctionRuntime, InvocationResult } from './runtime';

/**
 * Two ways into the function runtime:
 * - `functions.invokeFunction` on `/admin`: `cloud.callFunction` from inside a function;
 * - `POST /api/functions/<name>` with a dev-login bearer token: the H5 preview's `callFunction`.
 */

/** User input over HTTP is bounded; CloudBase itself refuses large events too. */
export const FUNCTION_BODY_LIMIT = 1024 * 1024;

/** What the mini-program client sees (-504002 functions execute fail); -504003 for timeouts is our choice. */
const ERR_EXECUTE_FAIL = -504002;
const ERR_TIME_LIMIT = -504003;

export function parseEventJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('the function data must be a JSON object');
  return value as Record<string, unknown>;
}

export function functionHandlers(runtime: FunctionRuntime, appId: string): AdminHandlers {
  return {
    'functions.invokeFunction': async ({ params }) => {
      const name = params.function_name;
      assert(typeof name === 'string' && name, 'INVALID_PARAM', 'function_name is required');
      // Chosen (not observable): an unknown function answers FUNCTION_NOT_FOUND.
      assert(runtime.exists(name), 'FUNCTION_NOT_FOUND', `function ${name} not found`);
      let event: Record<string, unknown>;
      try {
        event = parseEventJson(typeof params.request_data === 'string' ? params.request_data : '');
      } catch (err) {
        throw new EmulatorError('INVALID_PARAM', `request_data: ${(err as Error).message}`);
      }
      // wx-server-sdk does not send the caller's identity with callFunction. The emulator knows which
      // invocation sent the request (its TCB_SESSIONTOKEN arrives as tcb_sessionToken) and runs the
      // callee as the same user, so that a chain of functions keeps one OPENID, as in the mini-program.
      const parent = runtime.callerOf(params.tcb_sessionToken);
      const caller: CallerIdentity = parent ? { ...parent, source: 'wx_server' } : { openId: '', appId, source: 'wx_server' };
      const outcome = await runtime.invoke(name, event, caller);
      if (!outcome.ok) throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `requestId ${outcome.requestId}: ${outcome.errMsg}`);
      return { requestId: outcome.requestId, data: { response_data: outcome.json } };
    },
  };
}

function answer(res: http.ServerResponse, outcome: InvocationResult): void {
  if (outcome.ok) {
    // The function's JSON goes out as it came from the worker, not parsed and serialised again.
    sendJsonText(res, 200, `{"result":${outcome.json}}`);
    return;
  }
  const errCode = outcome.kind === 'timeout' ? ERR_TIME_LIMIT : ERR_EXECUTE_FAIL;
  sendJson(res, 500, { errCode, errMsg: `functions execute fail | requestId ${outcome.requestId} | ${outcome.errMsg}`, requestId: outcome.requestId });
}

export function functionRoute(runtime: FunctionRuntime, sessions: SessionStore, appId: string): Route {
  return async (req, res, url) => {
    const m = /^\/api\/functions\/([^/]+)$/.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'POST') throw new HttpError(405, 'use POST');
    const openId = sessions.openidOf(bearerToken(req.headers.authorization));
    if (!openId) {
      req.resume();
      throw new HttpError(401, 'not logged in: POST /api/dev/login first and send Authorization: Bearer <token>');
    }
    const name = decodeURIComponent(m[1]);
    if (!runtime.exists(name)) {
      req.resume();
      throw new HttpError(404, `function ${name} not found`, -1);
    }
    const body = await readBody(req, FUNCTION_BODY_LIMIT);
    let event: Record<string, unknown>;
    try {
      event = parseEventJson(body.toString('utf8'));
    } catch (err) {
      throw new HttpError(400, `invalid JSON body: ${(err as Error).message}`);
    }
    const clientIp = req.socket.remoteAddress?.replace(/^::ffff:/, '');
    answer(res, await runtime.invoke(name, event, { openId, appId, clientIp, source: 'wx_client' }));
    return true;
  };
}
