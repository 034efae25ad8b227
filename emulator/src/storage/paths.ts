import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Names in cloud storage: a cloud path (`avatars/u1.png`), its fileID
 * (`cloud://<envId>.<bucket>/avatars/u1.png`) and signed temporary download URLs.
 */

/** COS keys may be up to 850 bytes. */
const MAX_PATH_BYTES = 850;

/** A cloud path that maps safely to a file under the storage folder, or undefined. */
export function normalizeCloudPath(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const trimmed = path.replace(/^\/+/, '');
  if (!trimmed || Buffer.byteLength(trimmed) > MAX_PATH_BYTES) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  const segments = trimmed.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.endsWith('.tmp'))) return undefined;
  return trimmed;
}

export function bucketFor(envId: string): string {
  return `${envId}-1300000000`;
}

export function fileIdFor(envId: string, path: string): string {
  return `cloud://${envId}.${bucketFor(envId)}/${path}`;
}

/** The cloud path of a fileID of this environment, or undefined (another env, malformed, unsafe). */
export function pathOfFileId(envId: string, fileId: unknown): string | undefined {
  const prefix = `cloud://${envId}.${bucketFor(envId)}/`;
  if (typeof fileId !== 'string' || !fileId.startsWith(prefix)) return undefined;
  return normalizeCloudPath(fileId.slice(prefix.length));
}

export class UrlSigner {
  constructor(private readonly secret: string) {}

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('hex').slice(0, 32);
  }

  /**
   * Path part of a temp URL. Only unreserved ASCII: the SDK passes tempFileURL through encodeURI,
   * so a %-escape would be escaped twice; the cloud path travels base64url-encoded instead.
   */
  downloadPath(path: string, expiresAtSeconds: number): string {
    const encoded = Buffer.from(path, 'utf8').toString('base64url');
    return `/__storage/download/${encoded}?expires=${expiresAtSeconds}&sign=${this.signature(path, expiresAtSeconds)}`;
  }

  /** The cloud path of a valid, unexpired download URL, or a reason why not. */
  verify(encodedPath: string, expires: string | null, sign: string | null, nowSeconds: number): { path: string } | { error: string } {
    const path = normalizeCloudPath(Buffer.from(encodedPath, 'base64url').toString('utf8'));
    const expiresAt = Number(expires);
    if (!path || !sign || !Number.isInteger(expiresAt)) return { error: 'malformed download URL' };
    const expected = Buffer.from(this.signature(path, expiresAt));
    const given = Buffer.from(sign);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { error: 'signature does not match' };
    if (expiresAt < nowSeconds) return { error: 'request has expired' };
    return { path };
  }
}
