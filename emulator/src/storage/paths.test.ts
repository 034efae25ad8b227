import { fileIdFor, normalizeCloudPath, pathOfFileId, UrlSigner } from './paths';

describe('cloud paths', () => {
  it('accepts relative paths and strips leading slashes', () => {
    expect(normalizeCloudPath('a/b.png')).toBe('a/b.png');
    expect(normalizeCloudPath('/a/照片.png')).toBe('a/照片.png');
  });

  it.each(['', '..', '../x', 'a/../../x', 'a//b', 'a/./b', 'a\\b', 'a/b.tmp', 'a\u0000b', 'x'.repeat(851), 5, undefined])(
    'refuses %p',
    (path) => expect(normalizeCloudPath(path)).toBeUndefined(),
  );

  it('maps fileIDs of this environment back to paths only', () => {
    const id = fileIdFor('env-a', 'docs/1.txt');
    expect(id).toBe('cloud://env-a.env-a-1300000000/docs/1.txt');
    expect(pathOfFileId('env-a', id)).toBe('docs/1.txt');
    expect(pathOfFileId('env-b', id)).toBeUndefined();
    expect(pathOfFileId('env-a', 'cloud://env-a.env-a-1300000000/../etc/passwd')).toBeUndefined();
  });
});

describe('signed download URLs', () => {
  const signer = new UrlSigner('secret-for-tests');
  const parse = (url: string) => {
    const u = new URL(url, 'http://x');
    return { encoded: u.pathname.split('/').pop() as string, expires: u.searchParams.get('expires'), sign: u.searchParams.get('sign') };
  };

  it('verifies its own URLs until they expire', () => {
    const { encoded, expires, sign } = parse(signer.downloadPath('a/照片 1.png', 2000));
    expect(signer.verify(encoded, expires, sign, 1999)).toEqual({ path: 'a/照片 1.png' });
    expect(signer.verify(encoded, expires, sign, 2001)).toEqual({ error: 'request has expired' });
  });

  it('uses only characters encodeURI leaves alone', () => {
    const url = signer.downloadPath('a/照片 1%.png', 2000);
    expect(encodeURI(url)).toBe(url);
  });

  it('refuses another signer, another path and another expiry', () => {
    const { encoded, expires, sign } = parse(signer.downloadPath('a/b.png', 2000));
    expect(new UrlSigner('other').verify(encoded, expires, sign, 0)).toHaveProperty('error');
    expect(signer.verify(Buffer.from('a/c.png').toString('base64url'), expires, sign, 0)).toHaveProperty('error');
    expect(signer.verify(encoded, '3000', sign, 0)).toHaveProperty('error');
    expect(signer.verify(encoded, expires, null, 0)).toHaveProperty('error');
  });
});
