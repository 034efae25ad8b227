import http from 'node:http';

/**
 * A small JSON POST over node:http. The weapp tests run in jsdom, which has no `fetch`; the simulator's
 * `wx.cloud` and the dev login go through this instead.
 */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(payload.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch {
            reject(new Error(`POST ${url} answered non-JSON (HTTP ${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `POST /api/dev/login {openid}` → the bearer token the emulator accepts for that user. */
export async function devLogin(cloudUrl: string, openid: string): Promise<string> {
  const { status, json } = await postJson(`${cloudUrl}/api/dev/login`, { openid });
  const token = (json as { token?: unknown } | null)?.token;
  if (status !== 200 || typeof token !== 'string') throw new Error(`dev login as ${openid} failed: HTTP ${status}`);
  return token;
}
