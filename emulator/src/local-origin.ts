import type http from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * Only its user reaches the local cloud. It listens on 127.0.0.1 by default, but a port on loopback is
 * still reachable from any web page the user opens: a cross-site `fetch` (a "simple" POST needs no
 * preflight) or a DNS-rebinding page (evil.example resolving to 127.0.0.1) would otherwise act on the
 * database as an administrator through `/admin`. So requests that act (`/admin`, `/api/*`, signed
 * uploads) must be addressed to the local cloud by name — `Host` one of 127.0.0.1, localhost or [::1]
 * with the port (or the address it was told to listen on) — and, when a browser says where the request
 * comes from (`Origin`), come from the local cloud's own pages (the H5 preview is served by the same
 * server, so its calls are same-origin). wx-server-sdk and Node clients send no `Origin`.
 *
 * Not checked: GETs of the H5 preview and of signed storage download URLs. The preview is public code;
 * a download URL is a bearer capability that expires, and an `<img>` on another site that embeds one
 * only shows the picture to whoever already holds the link (as a CloudBase temp URL does).
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `host[:port]` values a request may carry for a server that listens on `listenHost`:`port`. */
export function allowedHosts(listenHost: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '';
  if (wildcard) {
    // Listening everywhere on purpose (YANZHEN_CLOUD_HOST): this machine's own addresses, never a name.
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  } else {
    names.add(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost.toLowerCase());
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // Browsers leave out the default port.
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/** Requests that read or change data, as opposed to the preview's files and signed downloads. */
export function isGuarded(method: string | undefined, pathname: string): boolean {
  if (pathname === '/admin' || pathname.startsWith('/api/')) return true;
  // Signed uploads write; every other non-GET is refused by the routes anyway, check them all alike.
  return method !== 'GET' && method !== 'HEAD';
}

/**
 * Why `req` is refused, or undefined when it is addressed to the local cloud and comes from it (or from
 * no page at all).
 */
export function refusalReason(req: http.IncomingMessage, hosts: Set<string>): string | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return `Host "${host}" is not this local cloud (use http://127.0.0.1:<port>)`;
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let originHost: string;
  try {
    const u = new URL(origin);
    originHost = u.protocol === 'http:' ? u.host.toLowerCase() : '';
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable.
    originHost = '';
  }
  if (!hosts.has(originHost)) return `Origin "${origin}" is another site: only the local cloud's own pages may call it`;
  return undefined;
}
