import { join, resolve } from 'node:path';
import { resolveStaticPath } from './service';

describe('static paths', () => {
  const root = resolve('/srv/h5');
  it('resolves paths inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(root);
    expect(resolveStaticPath(root, '/js/app.js')).toBe(join(root, 'js', 'app.js'));
    expect(resolveStaticPath(root, '/%E9%9B%81.png')).toBe(join(root, '雁.png'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/js/..%2f..%2fetc', '/%00', '/%E0%A4%A'])('refuses %p', (p) => {
    expect(resolveStaticPath(root, p)).toBeUndefined();
  });
});
