import Taro from '@tarojs/taro';
import { DEMO_IDENTITIES, type Role } from '@yanzhen/domain';

/**
 * The H5 preview's stand-in for WeChat login (there is none on a laptop): the emulator's `/api/dev/login`
 * turns a demo OpenID into a bearer token that `/api/functions/<name>` accepts. Browser-only; the weapp
 * build never reaches this module's functions because every caller is behind `TARO_ENV === 'h5'`.
 */
export const TOKEN_KEY = 'yz.token';
export const OPENID_KEY = 'yz.openid';

/** First visit: everyone starts as the resident, as anyone opening the mini-program would. */
export function defaultOpenid(): string {
  return DEMO_IDENTITIES.find((i) => i.role === 'resident')?.openid ?? 'demo-resident';
}

export function currentOpenid(): string | null {
  return window.localStorage.getItem(OPENID_KEY);
}

export function currentToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

export function clearSession(): void {
  window.localStorage.removeItem(TOKEN_KEY);
}

/** Logs in as `openid` and stores the token; resolves with the token. */
export async function loginAs(openid: string): Promise<string> {
  const res = await fetch('/api/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  if (!res.ok) throw new Error(`dev login answered HTTP ${res.status}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('dev login answered without a token');
  window.localStorage.setItem(TOKEN_KEY, body.token);
  window.localStorage.setItem(OPENID_KEY, openid);
  return body.token;
}

// Several components may call functions on first paint; they share one login instead of racing.
let pendingLogin: Promise<string> | null = null;

/** The stored token, or a fresh one for the stored (else the default) identity. */
export function ensureToken(): Promise<string> {
  const token = currentToken();
  if (token) return Promise.resolve(token);
  if (!pendingLogin) {
    pendingLogin = loginAs(currentOpenid() ?? defaultOpenid()).finally(() => {
      pendingLogin = null;
    });
  }
  return pendingLogin;
}

/**
 * The roles the `user` function last reported for an OpenID, so that the switcher names what the person is now
 * (a resident who just bound an archive record is a secretary). Updated from every `whoami`; the event tells
 * switchers already on screen.
 */
const rolesKey = (openid: string) => `yz.roles.${openid}`;
export const ROLES_CHANGED = 'yz:roles-changed';

export function rememberedRoles(openid: string): Role[] | null {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(rolesKey(openid)) ?? 'null');
    return Array.isArray(saved) && saved.every((r) => typeof r === 'string') ? (saved as Role[]) : null;
  } catch {
    return null;
  }
}

export function rememberRoles(openid: string, roles: readonly Role[]): void {
  const before = window.localStorage.getItem(rolesKey(openid));
  const now = JSON.stringify(roles);
  if (before === now) return;
  window.localStorage.setItem(rolesKey(openid), now);
  Taro.eventCenter.trigger(ROLES_CHANGED, openid);
}
