import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../durable-file';

/**
 * Local-mode logins: a bearer token per chosen OpenID (there is no WeChat login on a laptop).
 * Kept in memory and in `<dataDir>/dev-sessions.json`, so a restart keeps the preview signed in.
 */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class SessionStore {
  private readonly tokens = new Map<string, string>();
  private readonly byOpenid = new Map<string, string>();
  private readonly file: string;
  private saving: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'dev-sessions.json');
    if (existsSync(this.file)) {
      try {
        const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
        for (const [token, openid] of Object.entries(saved)) {
          if (typeof openid !== 'string') continue;
          this.tokens.set(token, openid);
          this.byOpenid.set(openid, token);
        }
      } catch {
        // A damaged file only costs the saved logins; the preview logs in again.
      }
    }
  }

  /**
   * The token of `openid` (validated by the caller): its existing one, or a new random one saved
   * before it is returned. One token per user keeps the file as small as the set of demo users.
   */
  async login(openid: string): Promise<string> {
    const existing = this.byOpenid.get(openid);
    if (existing) return existing;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, openid);
    this.byOpenid.set(openid, token);
    await this.save();
    return token;
  }

  openidOf(token: string | undefined): string | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  private save(): Promise<void> {
    // Logins that arrive while a write is queued share it: the snapshot is taken when the write
    // starts, so it includes them (500 voters logging in at once cost a few writes, not 500).
    if (this.queued) return this.queued;
    const write = this.saving
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return writeFileDurably(this.file, JSON.stringify(Object.fromEntries(this.tokens)));
      });
    this.queued = write;
    this.saving = write;
    return write;
  }
}

/** `Authorization: Bearer <token>` → token. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}
