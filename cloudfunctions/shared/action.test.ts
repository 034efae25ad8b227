import { z } from 'zod';
import { AppError } from '@yanzhen/domain';
import { action, runAction, type ActionMap } from './action';

// cloud.getWXContext() reads the function instance's environment, as on the real platform.
function asCaller(openid: string | undefined): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  if (openid) process.env.WX_OPENID = openid;
  else delete process.env.WX_OPENID;
  process.env.WX_APPID = 'wx-test';
}

const seen: unknown[] = [];
const actions: ActionMap = {
  echo: action({ access: 'public', input: z.strictObject({ text: z.string().max(5) }), run: async ({ text }) => ({ text }) }),
  mine: action({ access: 'resident', input: z.strictObject({}), run: async (_i, ctx) => ({ openid: ctx.caller.openid }) }),
  boom: action({ access: 'public', input: z.strictObject({}), run: async () => { throw new Error('disk on fire'); } }),
  busy: action({ access: 'public', input: z.strictObject({}), run: async () => { throw new AppError('resource-exhausted', '今天的票已投完'); } }),
  spy: action({ access: 'public', input: z.strictObject({ n: z.number() }), run: async (input) => { seen.push(input); return null; } }),
};

describe('runAction', () => {
  beforeEach(() => asCaller('o-alice'));

  it('validates the flat params beside `action` and answers the envelope', async () => {
    expect(await runAction(actions, { action: 'echo', text: 'hi' })).toEqual({ ok: true, data: { text: 'hi' } });
    expect(await runAction(actions, { action: 'echo', text: 'too long' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: [{ path: 'text' }] } });
    expect(await runAction(actions, { action: 'echo', text: 'hi', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('ignores the userInfo the platform adds, and never takes identity from the event', async () => {
    const res = await runAction(actions, { action: 'mine', userInfo: { openId: 'o-mallory', appId: 'x' } });
    expect(res).toEqual({ ok: true, data: { openid: 'o-alice' } });
    expect(await runAction(actions, { action: 'mine', openid: 'o-mallory' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('asks for a signed-in caller where the rule needs one', async () => {
    asCaller(undefined);
    expect(await runAction(actions, { action: 'mine' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await runAction(actions, { action: 'echo', text: 'ok' })).toEqual({ ok: true, data: { text: 'ok' } });
  });

  it('answers unknown actions, non-object events and prototype keys with invalid-argument', async () => {
    for (const event of [{ action: 'nope' }, { action: 'toString' }, { action: '__proto__' }, null, 'echo', [1], {}]) {
      expect(await runAction(actions, event)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('turns thrown AppErrors into their code and anything else into a generic internal error', async () => {
    expect(await runAction(actions, { action: 'busy' })).toEqual({ ok: false, error: { code: 'resource-exhausted', message: '今天的票已投完' } });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await runAction(actions, { action: 'boom' });
    spy.mockRestore();
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: '系统繁忙，请稍后再试' } });
    expect(JSON.stringify(res)).not.toContain('disk on fire');
  });

  it('does not run an action whose input is invalid', async () => {
    await runAction(actions, { action: 'spy', n: 'one' });
    expect(seen).toEqual([]);
  });
});
