import { parseArgs } from './main';

describe('CLI arguments', () => {
  it('reads flags, with environment fallbacks', () => {
    expect(parseArgs(['--port', '0', '--host', '0.0.0.0', '--data-dir', '/tmp/d'], {})).toEqual({ port: 0, host: '0.0.0.0', dataDir: '/tmp/d' });
    expect(parseArgs(['--port=9000'], { PORT: '1', DATA_DIR: '/x' })).toEqual({ port: 9000, dataDir: '/x' });
    expect(parseArgs([], { PORT: '8788', FUNCTIONS_DIR: '/f' })).toEqual({ port: 8788, functionsDir: '/f' });
  });

  it('leaves loopback only when YANZHEN_CLOUD_HOST (or --host) says so, never for the generic HOST', () => {
    expect(parseArgs([], { HOST: '0.0.0.0' })).toEqual({});
    expect(parseArgs([], { YANZHEN_CLOUD_HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0' });
    expect(parseArgs(['--host', '127.0.0.1'], { YANZHEN_CLOUD_HOST: '0.0.0.0' })).toEqual({ host: '127.0.0.1' });
  });

  it('refuses unknown flags and bad ports', () => {
    expect(() => parseArgs(['--nope'], {})).toThrow(/unknown argument/);
    expect(() => parseArgs(['--port'], {})).toThrow(/needs a value/);
    expect(() => parseArgs(['--port', '70000'], {})).toThrow(/invalid port/);
    expect(() => parseArgs([], { PORT: 'abc' })).toThrow(/invalid port/);
  });
});
