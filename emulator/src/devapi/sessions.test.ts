import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearerToken, SessionStore } from './sessions';

describe('dev sessions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yanzhen-sessions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each user one token and remembers it across instances', async () => {
    const store = new SessionStore(dir);
    const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => store.login(`u${i}`)));
    expect(new Set(tokens).size).toBe(100);
    expect(await store.login('u7')).toBe(tokens[7]);
    const reopened = new SessionStore(dir);
    tokens.forEach((t, i) => expect(reopened.openidOf(t)).toBe(`u${i}`));
    expect(reopened.openidOf('unknown')).toBeUndefined();
    expect(reopened.openidOf(undefined)).toBeUndefined();
  });

  it('starts empty from a damaged file', () => {
    writeFileSync(join(dir, 'dev-sessions.json'), '{broken');
    expect(new SessionStore(dir).openidOf('x')).toBeUndefined();
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer abc-_1')).toBe('abc-_1');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
