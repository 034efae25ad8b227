import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_IDENTITIES, type Role } from '@yanzhen/domain';
import type { ActionDef, ActionMap } from '../shared/action';

/**
 * Every action of every function, read from the functions' own action maps (`<fn>/actions.ts`), so that
 * tests generated from this list cover an action the day it is added.
 */
export interface FoundAction {
  fn: string;
  name: string;
  def: ActionDef;
}

/** Every collection the functions declare (cloudfunctions/database.json), for "nothing changed" snapshots. */
export const COLLECTIONS = (JSON.parse(readFileSync(join(__dirname, '..', 'database.json'), 'utf8')) as { collections: { name: string }[] }).collections.map((c) => c.name);

export interface DemoCaller {
  who: string;
  openid: string;
  roles: Role[];
}

/**
 * A caller of each role of the demo data (scripts/seed), and a stranger: a fresh OpenID, never bound, whose
 * name starts with `strangerPrefix` so that tests running side by side do not share one.
 */
export const demoCallers = (strangerPrefix: string): DemoCaller[] => [
  { who: 'stranger', openid: `${strangerPrefix}-${Date.now()}`, roles: ['resident'] },
  ...DEMO_IDENTITIES.map(({ openid, role }): DemoCaller => ({ who: role, openid, roles: role === 'resident' ? ['resident'] : ['resident', role] })),
];

const isActionDef = (v: unknown): v is ActionDef =>
  typeof v === 'object' && v !== null && 'run' in v && 'input' in v;

function isActionMap(v: unknown): v is ActionMap {
  return typeof v === 'object' && v !== null && Object.values(v).length > 0 && Object.values(v).every(isActionDef);
}

export function functionFolders(): string[] {
  const root = join(__dirname, '..');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'index.ts')) && existsSync(join(root, d.name, 'actions.ts')))
    .map((d) => d.name);
}

export function allActions(): FoundAction[] {
  const found: FoundAction[] = [];
  for (const fn of functionFolders()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovered at run time on purpose
    const mod = require(join(__dirname, '..', fn, 'actions')) as Record<string, unknown>;
    const map = Object.values(mod).find(isActionMap);
    if (!map) throw new Error(`${fn}/actions.ts exports no action map`);
    for (const [name, def] of Object.entries(map)) found.push({ fn, name, def });
  }
  return found;
}
