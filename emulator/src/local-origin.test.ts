import type http from 'node:http';
import { allowedHosts, isGuarded, refusalReason } from './local-origin';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as http.IncomingMessage;

describe('who may act on the local cloud', () => {
  const hosts = allowedHosts('127.0.0.1', 8787);

  it('accepts the loopback names with the port, from no page or the local cloud’s own pages', () => {
    for (const host of ['127.0.0.1:8787', 'localhost:8787', 'LocalHost:8787', '[::1]:8787']) {
      expect(refusalReason(req({ host }), hosts)).toBeUndefined();
      expect(refusalReason(req({ host, origin: 'http://localhost:8787' }), hosts)).toBeUndefined();
    }
  });

  it('refuses other names, other ports, a missing Host, and pages of other sites', () => {
    expect(refusalReason(req({ host: 'evil.example:8787' }), hosts)).toMatch(/Host/);
    expect(refusalReason(req({ host: '127.0.0.1:8788' }), hosts)).toMatch(/Host/);
    expect(refusalReason(req({ host: '127.0.0.1' }), hosts)).toMatch(/Host/);
    expect(refusalReason(req({}), hosts)).toMatch(/Host/);
    for (const origin of ['http://evil.example', 'null', 'https://127.0.0.1:8787', 'http://127.0.0.1:8788', 'file://']) {
      expect(refusalReason(req({ host: '127.0.0.1:8787', origin }), hosts)).toMatch(/Origin/);
    }
  });

  it('on port 80 also accepts the bare names browsers send', () => {
    expect(refusalReason(req({ host: 'localhost', origin: 'http://localhost' }), allowedHosts('127.0.0.1', 80))).toBeUndefined();
  });

  it('adds the address it was told to listen on, never a name for a wildcard', () => {
    expect(allowedHosts('192.168.1.20', 8787).has('192.168.1.20:8787')).toBe(true);
    expect(allowedHosts('::1', 8787).has('[::1]:8787')).toBe(true);
    const everywhere = allowedHosts('0.0.0.0', 8787);
    expect([...everywhere].every((h) => !/[a-z]{2,}\./i.test(h))).toBe(true);
    expect(everywhere.has('127.0.0.1:8787')).toBe(true);
  });

  it('guards /admin, /api/* and every write, not the preview’s GETs', () => {
    expect(isGuarded('POST', '/admin')).toBe(true);
    expect(isGuarded('GET', '/api/dev/stats')).toBe(true);
    expect(isGuarded('PUT', '/__storage/upload/abc')).toBe(true);
    expect(isGuarded('GET', '/__storage/download/abc')).toBe(false);
    expect(isGuarded('GET', '/index.html')).toBe(false);
  });
});
