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
  private readonly file: string;
  private saving: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'dev-sessions.json');
    if (existsSync(this.file)) {
      try {
        const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
        for (const [token, openid] of Object.entries(saved)) if (typeof openid === 'string') this.tokens.set(token, openid);
      } catch {
        // A damaged file only costs the saved logins; the preview logs in again.
      }
    }
  }

  /** A new token for `openid` (validated by the caller), saved before it is returned. */
  async login(openid: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, openid);
    await this.save();
    return token;
  }

  openidOf(token: string | undefined): string | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  private save(): Promise<void> {
    // Serialise writes so that a slower earlier write never lands after a later one.
    const snapshot = JSON.stringify(Object.fromEntries(this.tokens));
    const write = this.saving.catch(() => undefined).then(() => writeFileDurably(this.file, snapshot));
    this.saving = write;
    return write;
  }
}

/** `Authorization: Bearer <token>` → token. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}
