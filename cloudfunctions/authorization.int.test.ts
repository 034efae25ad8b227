import { allows, type Role } from '@yanzhen/domain';
import { allActions } from './test-support/action-maps';
import { snapshot, startFunctionHarness, type FunctionHarness } from './test-support/local-cloud';

/**
 * The authorization matrix, generated from the action maps: every action of every function is tried by
 * each role and by a stranger; only the roles its rule allows get past the guard, the others get
 * `permission-denied` and change nothing.
 */
const CALLERS: { who: string; openid: string; roles: Role[] }[] = [
  { who: 'stranger', openid: `stranger-${Date.now()}`, roles: ['resident'] },
  { who: 'resident', openid: 'demo-resident', roles: ['resident'] },
  { who: 'secretary', openid: 'demo-secretary', roles: ['resident', 'secretary'] },
  { who: 'judge', openid: 'demo-judge', roles: ['resident', 'judge'] },
  { who: 'admin', openid: 'demo-admin', roles: ['resident', 'admin'] },
];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- JSON read as data, at load time
const COLLECTIONS = (require('./database.json') as { collections: { name: string }[] }).collections.map((c) => c.name);

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
}, 120_000);
afterAll(() => h?.stop());

const actions = allActions();

it('finds the action maps of the functions, each action with an access rule and an input schema', () => {
  expect(actions.length).toBeGreaterThan(5);
  for (const { fn, name, def } of actions) {
    expect({ fn, name, hasRule: def.access !== undefined, hasSchema: typeof def.input?.safeParse === 'function' }).toEqual({ fn, name, hasRule: true, hasSchema: true });
  }
});

it('refuses every role an action does not allow, and those refusals change nothing', async () => {
  const before = await snapshot(h.db, COLLECTIONS);
  const refused: string[] = [];
  for (const { fn, name, def } of actions) {
    for (const caller of CALLERS.filter((c) => !allows(def.access, c.roles))) {
      const res = await h.as(caller.openid)(fn, { action: name });
      expect({ call: `${fn}.${name} as ${caller.who}`, code: res.ok ? 'ok' : res.error.code }).toEqual({ call: `${fn}.${name} as ${caller.who}`, code: 'permission-denied' });
      refused.push(`${fn}.${name}/${caller.who}`);
    }
  }
  expect(refused.length).toBeGreaterThan(0);
  expect(await snapshot(h.db, COLLECTIONS)).toEqual(before);
});

it('lets every role an action allows past the guard', async () => {
  for (const { fn, name, def } of actions) {
    for (const caller of CALLERS.filter((c) => allows(def.access, c.roles))) {
      // An empty payload: the answer may be ok or a validation/domain error, never an authorization one.
      const res = await h.as(caller.openid)(fn, { action: name });
      const code = res.ok ? 'ok' : res.error.code;
      expect({ call: `${fn}.${name} as ${caller.who}`, denied: code === 'permission-denied' || code === 'unauthenticated' }).toEqual({ call: `${fn}.${name} as ${caller.who}`, denied: false });
    }
  }
});
