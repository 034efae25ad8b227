import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor, loadFunctionsConfig } from './config';

describe('functions config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yanzhen-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };

  it('reads timeouts in seconds and lets local values override envVariables', () => {
    const rc = write('cloudbaserc.json', {
      envId: 'env-1',
      functions: [
        { name: 'user', timeout: 10, envVariables: { ADMIN_OPENIDS: '', KEEP: 'k' } },
        { name: 'vote', envVariables: { LIMIT: 3 } },
      ],
    });
    const local = write('local.env.json', { ADMIN_OPENIDS: 'demo-admin' });
    const config = loadFunctionsConfig(rc, local);
    expect(config.envId).toBe('env-1');
    expect(configFor(config, 'user')).toEqual({ name: 'user', timeoutMs: 10_000, envVariables: { ADMIN_OPENIDS: 'demo-admin', KEEP: 'k' }, triggers: [] });
    expect(configFor(config, 'vote')).toEqual({ name: 'vote', timeoutMs: 3000, envVariables: { LIMIT: '3', ADMIN_OPENIDS: 'demo-admin' }, triggers: [] });
    // A function the file does not list gets CloudBase's defaults and the local values.
    expect(configFor(config, 'fixture')).toEqual({ name: 'fixture', timeoutMs: 3000, envVariables: { ADMIN_OPENIDS: 'demo-admin' }, triggers: [] });
  });

  it('works without either file', () => {
    const config = loadFunctionsConfig(join(dir, 'missing.json'), join(dir, 'missing-too.json'));
    expect(configFor(config, 'x').timeoutMs).toBe(3000);
  });

  it('refuses invalid timeouts and nameless functions', () => {
    expect(() => loadFunctionsConfig(write('a.json', { functions: [{ name: 'f', timeout: 0 }] }), '')).toThrow(/invalid timeout/);
    expect(() => loadFunctionsConfig(write('b.json', { functions: [{ name: 'f', timeout: 'soon' }] }), '')).toThrow(/invalid timeout/);
    expect(() => loadFunctionsConfig(write('c.json', { functions: [{ timeout: 3 }] }), '')).toThrow(/needs a name/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadFunctionsConfig(join(dir, 'broken.json'), '')).toThrow(/not valid JSON/);
  });
});
