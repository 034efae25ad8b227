import { allows, PRIVATE_FIELDS, STREETS } from '@yanzhen/domain';
import { SECRETARIES } from '../scripts/seed/people';
import { allActions, COLLECTIONS, demoCallers, type FoundAction } from './test-support/action-maps';
import { jsonSchemaOf, type Payload } from './test-support/fuzz-payloads';
import { useFunctionHarness } from './test-support/local-cloud';
import { readAll } from './test-support/functions-client';

/**
 * The privacy walk, generated from the action maps like the authorization matrix: every action that a
 * non-admin may call is called by each such caller with payloads built from REAL ids of the demo data (so the
 * answers carry real documents, not just validation errors), and no answer — data or error details — may hold
 * a key named in PRIVATE_FIELDS or any stored private value (phone, ID number, address of any person file or
 * secretary record). Admin-only actions are left out: private fields are for admins.
 */
/** Admin-only actions are left out: private fields are for admins. */
const CALLERS = demoCallers('privacy-stranger').filter((c) => c.who !== 'admin');

const h = useFunctionHarness({}, 120_000);

type Schema = ReturnType<typeof jsonSchemaOf>;

/** `contestId` → ids of `contests`, `salonId` → `salons`, … (the collection whose name starts with the key's stem). */
async function knownValues(): Promise<Record<string, unknown[]>> {
  const known: Record<string, unknown[]> = {
    secretaryId: SECRETARIES.slice(0, 3).map((s) => s._id),
    fileId: SECRETARIES.slice(0, 3).map((s) => s._id),
    street: [STREETS[0], STREETS[2]],
    q: ['郑', ''],
  };
  const stems = new Set(allActions().flatMap(({ def }) => Object.keys(jsonSchemaOf(def.input).properties ?? {})).filter((k) => /Ids?$/.test(k)).map((k) => k.replace(/Ids?$/, '')));
  for (const stem of stems) {
    if (known[`${stem}Id`]) continue;
    const collection = COLLECTIONS.find((c) => c === `${stem}s` || c === `${stem}es` || c.startsWith(stem));
    if (!collection) continue;
    const rows = await h.db.collection(collection).where({}).limit(3).field({ _id: true }).get();
    const ids = (rows.data as { _id: string }[]).map((r) => r._id);
    known[`${stem}Id`] = ids;
    known[`${stem}Ids`] = [ids];
  }
  return known;
}

function valueFor(key: string, s: Schema, known: Record<string, unknown[]>, i: number): unknown {
  const list = known[key];
  if (list?.length) return list[i % list.length];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return valueFor(key, alt[0], known, i);
  if (s.enum?.length) return s.enum[i % s.enum.length];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') return s.format === 'date-time' ? new Date().toISOString() : 'x';
  if (type === 'integer' || type === 'number') return s.minimum ?? 1;
  if (type === 'boolean') return i % 2 === 0;
  if (type === 'array') return [];
  if (type === 'object') return objectFor(s, known, i);
  return undefined;
}

function objectFor(s: Schema, known: Record<string, unknown[]>, i: number): Payload {
  const out: Payload = {};
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const v = valueFor(key, prop, known, i);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The empty payload, and three filled with real ids (different ones each time). */
function payloads(a: FoundAction, known: Record<string, unknown[]>): Payload[] {
  const schema = jsonSchemaOf(a.def.input);
  return [{}, ...[0, 1, 2].map((i) => objectFor(schema, known, i))];
}

/** Every key path named like a private field, and every stored private value found in the text. */
function leaks(value: unknown, privateValues: string[], path = ''): string[] {
  const found: string[] = [];
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((PRIVATE_FIELDS as readonly string[]).includes(k)) found.push(`${p}.${k}`);
        walk(x, `${p}.${k}`);
      }
    }
  };
  walk(value, path);
  const text = JSON.stringify(value) ?? '';
  for (const pv of privateValues) if (text.includes(pv)) found.push(`value ${pv.slice(0, 3)}…`);
  return found;
}

it('no answer to a non-admin caller carries a private field or value, across every function', async () => {
  const files = await readAll<Record<string, string>>(h.db, 'personFiles', {});
  const secretaries = await readAll<Record<string, string>>(h.db, 'secretaries', {});
  const privateValues = [...new Set([...files, ...secretaries].flatMap((d) => PRIVATE_FIELDS.map((f) => d[f]).filter((v): v is string => typeof v === 'string' && v.length >= 6)))];
  expect(privateValues.length).toBeGreaterThanOrEqual(17 * 3);
  const known = await knownValues();
  const problems: string[] = [];
  const answered: string[] = [];
  let calls = 0;
  for (const a of allActions().filter((x) => CALLERS.some((c) => allows(x.def.access, c.roles)))) {
    for (const caller of CALLERS.filter((c) => allows(a.def.access, c.roles))) {
      for (const payload of payloads(a, known)) {
        const res = await h.as(caller.openid)(a.fn, { ...payload, action: a.name });
        calls += 1;
        if (res.ok) answered.push(`${a.fn}.${a.name}`);
        for (const leak of leaks(res, privateValues)) problems.push(`${a.fn}.${a.name} as ${caller.who} with ${JSON.stringify(payload).slice(0, 80)}: ${leak}`);
      }
    }
  }
  expect(problems).toEqual([]);
  // The walk saw real answers, not only refusals: the secretary's own file among them.
  expect(calls).toBeGreaterThan(40);
  expect(new Set(answered).size).toBeGreaterThan(10);
  expect(answered).toContain('archive.myFile');
  // The detector itself finds private data where it is allowed: an admin's single-file view.
  const adminView = await h.as('demo-admin')('archive', { action: 'getFile', fileId: 'sec-01' });
  expect(leaks(adminView, privateValues)).toEqual(expect.arrayContaining(['.data.file.phone', '.data.file.idNumber', '.data.file.address']));
}, 600_000);
