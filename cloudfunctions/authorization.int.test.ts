import { allows } from '@yanzhen/domain';
import { allActions, COLLECTIONS, demoCallers } from './test-support/action-maps';
import { snapshot, useFunctionHarness } from './test-support/local-cloud';

/**
 * The authorization matrix, generated from the action maps: every action of every function is tried by
 * each role and by a stranger; only the roles its rule allows get past the guard, the others get
 * `permission-denied` and change nothing.
 */
const CALLERS = demoCallers('stranger');

const h = useFunctionHarness({}, 120_000);

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
