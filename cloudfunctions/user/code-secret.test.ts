import { AppError } from '@yanzhen/domain';
import { codeKey, hashSecret, secretMatches } from './code-secret';

describe('the code secret', () => {
  const saved = process.env.CODE_HMAC_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.CODE_HMAC_KEY;
    else process.env.CODE_HMAC_KEY = saved;
  });

  it('refuses to work without a configured key, loudly, instead of falling back to a default', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const value of [undefined, '', 'short']) {
      if (value === undefined) delete process.env.CODE_HMAC_KEY;
      else process.env.CODE_HMAC_KEY = value;
      expect(() => codeKey()).toThrow(AppError);
    }
    expect(log.mock.calls.every(([line]) => String(line).includes('CODE_HMAC_KEY'))).toBe(true);
    log.mockRestore();
  });

  it('matches only the right secret under the right key', () => {
    const key = 'k'.repeat(40);
    const stored = hashSecret(key, 'ABCD', '123456');
    expect(secretMatches(key, 'ABCD', '123456', stored)).toBe(true);
    expect(secretMatches(key, 'ABCD', '123457', stored)).toBe(false);
    expect(secretMatches('x'.repeat(40), 'ABCD', '123456', stored)).toBe(false);
    expect(secretMatches(key, 'ABCD', '123456', 'short')).toBe(false);
  });
});
