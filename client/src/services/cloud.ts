import Taro from '@tarojs/taro';
import { fail, isEnvelope, type Envelope } from '@yanzhen/domain';
import { clearSession, ensureToken } from './h5-session';

/**
 * The one typed client for cloud functions. The mini-program calls `Taro.cloud.callFunction`; the H5
 * preview calls the local emulator over HTTP with the same request and gets the same envelope back, so pages
 * never know which one they run on. Transport failures become an `internal` envelope with a readable message:
 * callers only ever handle envelopes.
 */
export const NETWORK_MESSAGE = '网络开小差了，请检查网络后重试';

const networkFailure = (): Envelope<never> => fail('internal', NETWORK_MESSAGE);

function asEnvelope<T>(result: unknown): Envelope<T> {
  return isEnvelope(result) ? (result as Envelope<T>) : networkFailure();
}

async function callThroughWeixin<T>(name: string, data: object): Promise<Envelope<T>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return asEnvelope<T>(res.result);
  } catch (err) {
    console.warn(`[cloud] ${name} failed`, err);
    return networkFailure();
  }
}

async function postFunction(name: string, data: object, token: string): Promise<Response> {
  return fetch(`/api/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(data),
  });
}

async function callThroughEmulator<T>(name: string, data: object): Promise<Envelope<T>> {
  try {
    let res = await postFunction(name, data, await ensureToken());
    if (res.status === 401) {
      // A token from an earlier emulator run: log in again as the same identity and retry once.
      clearSession();
      res = await postFunction(name, data, await ensureToken());
    }
    if (!res.ok) {
      console.warn(`[cloud] ${name} answered HTTP ${res.status}`, await res.text());
      return networkFailure();
    }
    const body = (await res.json()) as { result?: unknown };
    return asEnvelope<T>(body.result);
  } catch (err) {
    console.warn(`[cloud] ${name} failed`, err);
    return networkFailure();
  }
}

export function callFunction<T>(name: string, data: object = {}): Promise<Envelope<T>> {
  if (process.env.TARO_ENV === 'h5') return callThroughEmulator<T>(name, data);
  return callThroughWeixin<T>(name, data);
}
