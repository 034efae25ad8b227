import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { allActions } from '../cloudfunctions/test-support/action-maps';
import { paymentViolations, shareViolations, sourceFiles, subscribeViolations, type SourceFile } from './deploy/platform-rules';
import { NOT_PERSONAL_FIELDS, PERSON_DOCUMENTS, PERSONAL_DATA, PRIVACY_APIS, PRIVACY_RELEVANT_APIS } from './deploy/privacy';

/**
 * WeChat's platform rules (platform-notes §§ 3, 4, 8) checked on the sources: each rule runs on the real code and on
 * a small example that breaks it, so a rule that stops catching anything fails here too.
 */
const ROOT = join(__dirname, '..');
const CLIENT = sourceFiles(ROOT, ['client/src']);
const SERVER = sourceFiles(ROOT, ['cloudfunctions', 'domain/src']);
const example = (text: string, path = 'client/src/pages/example/index.tsx'): SourceFile[] => [{ path, text }];

describe('no paid voting, no share-to-vote', () => {
  it('no payment API anywhere in the client, the functions or the domain', () => {
    expect(paymentViolations([...CLIENT, ...SERVER])).toEqual([]);
    expect(paymentViolations(example("await Taro.requestPayment({ timeStamp, package: 'prepay_id=1' })"))).toEqual([
      expect.objectContaining({ line: 1, rule: 'payment API requestPayment' }),
    ]);
  });

  it('share handlers only describe the page: no cloud call, no vote, no reward', () => {
    expect(CLIENT.filter((f) => /useShare(AppMessage|Timeline)/.test(f.text)).length).toBeGreaterThan(0);
    expect(shareViolations(CLIENT)).toEqual([]);
    const rewarding = "useShareAppMessage(() => { callFunction({ name: 'vote', data: { action: 'bonus' } }); return { title: 't' }; });";
    expect(shareViolations(example(rewarding))).toEqual([expect.objectContaining({ rule: expect.stringMatching(/share handler uses "callFunction"/) })]);
    const named = 'const share = () => { grantExtraVotes(); return { title: "t" } };\nuseShareAppMessage(share);';
    expect(shareViolations(example(named))).toEqual([expect.objectContaining({ line: 2 })]);
    expect(shareViolations(example('class P { onShareAppMessage() { return addVotes(1) } }'))).toHaveLength(1);
  });

  it('the vote function knows nothing about sharing', () => {
    const vote = SERVER.filter((f) => f.path.startsWith('cloudfunctions/vote/') || f.path === 'domain/src/vote.ts');
    expect(vote.length).toBeGreaterThan(0);
    expect(vote.filter((f) => /\bshar(e|es|ing)\b|onShare|shareTicket/i.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});

describe('subscribe messages only after a tap', () => {
  it('every requestSubscribeMessage call sits in a tap handler', () => {
    expect(subscribeViolations(CLIENT)).toEqual([]);
  });
  it('catches a request made on page load, accepts one made in onClick (inline or named)', () => {
    const onLoad = "useEffect(() => { Taro.requestSubscribeMessage({ tmplIds: ['t'] }) }, []);";
    expect(subscribeViolations(example(onLoad))).toEqual([expect.objectContaining({ rule: expect.stringMatching(/outside a tap handler/) })]);
    const inline = "const P = () => <Button onClick={() => Taro.requestSubscribeMessage({ tmplIds: ['t'] })}>提醒我</Button>;";
    const named = "const remind = async () => { await Taro.requestSubscribeMessage({ tmplIds: ['t'] }) };\nconst P = () => <Button onClick={remind}>提醒我</Button>;";
    const viaCall = "function remind(id) { Taro.requestSubscribeMessage({ tmplIds: [id] }) }\nconst P = () => <View onTap={() => remind('t')} />;";
    expect(subscribeViolations([...example(inline), ...example(named), ...example(viaCall)])).toEqual([]);
  });
});

/** Action inputs that carry free text (a string with no pattern, enum or format) or a cloud file, by `fn.action.field`. */
function userInputs(): Map<string, 'text' | 'file'> {
  const found = new Map<string, 'text' | 'file'>();
  type Schema = { type?: string; pattern?: string; enum?: unknown; format?: string; properties?: Record<string, Schema>; items?: Schema };
  const walk = (path: string, s: Schema) => {
    if (s.type === 'string' && s.pattern?.startsWith('^cloud:')) found.set(path, 'file');
    else if (s.type === 'string' && !s.pattern && !s.enum && !s.format) found.set(path, 'text');
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(`${path}.${k}`, v);
    if (s.items) walk(`${path}[]`, s.items);
  };
  for (const a of allActions()) walk(`${a.fn}.${a.name}`, z.toJSONSchema(a.def.input, { unrepresentable: 'any', io: 'input' }) as Schema);
  return found;
}

/** Every free-text or file input, classified: checked (by which function, called where) or why no check applies. */
const INPUTS: Record<string, { check: string; calledIn: string } | { unchecked: string }> = {
  'showcase.saveDraft.story': { check: 'checkTextSafe', calledIn: 'cloudfunctions/showcase/editing.ts' },
  'showcase.saveDraft.achievements[]': { check: 'checkTextSafe', calledIn: 'cloudfunctions/showcase/editing.ts' },
  'showcase.saveDraft.photoFileId': { check: 'checkDraftImages', calledIn: 'cloudfunctions/showcase/editing.ts' },
  'showcase.saveDraft.imageFileIds[]': { check: 'checkDraftImages', calledIn: 'cloudfunctions/showcase/editing.ts' },
  'showcase.feed.street': { unchecked: 'a filter of the public feed, never stored' },
  'showcase.feed.q': { unchecked: 'a search of the public feed, never stored' },
  'showcase.review.reason': { unchecked: "an admin's reject reason, shown only to the secretary concerned (staff text, not UGC)" },
  'user.redeemCode.code': { unchecked: 'compared with issued codes, never stored or shown' },
  'user.auditList.operation': { unchecked: "a filter of the admin's audit view, never stored" },
  'user.auditList.target': { unchecked: "a filter of the admin's audit view, never stored" },
};
const CHECKER_API: Record<string, string> = { checkTextSafe: 'security.msgSecCheck', checkDraftImages: 'security.mediaCheckAsync' };

describe('user text and images pass content security', () => {
  const inputs = userInputs();

  it('every free-text and file input of every action is classified', () => {
    expect([...inputs.keys()].filter((k) => !(k in INPUTS))).toEqual([]);
    expect(Object.keys(INPUTS).filter((k) => !inputs.has(k))).toEqual([]);
  });

  it('stored user text goes through msgSecCheck and images through mediaCheckAsync, in the action that saves them', () => {
    for (const [input, rule] of Object.entries(INPUTS)) {
      if (!('check' in rule)) continue;
      const caller = readFileSync(join(ROOT, rule.calledIn), 'utf8');
      expect({ input, calls: caller.includes(`${rule.check}(`) }).toEqual({ input, calls: true });
      const definition = SERVER.find((f) => new RegExp(`export async function ${rule.check}\\(`).test(f.text));
      const body = definition?.text.slice(definition.text.indexOf(`function ${rule.check}(`)) ?? '';
      const api = CHECKER_API[rule.check].split('.')[1];
      expect({ input, api: new RegExp(`\\b${api}\\(`).test(body.slice(0, body.indexOf('\n}\n'))) }).toEqual({ input, api: true });
      if (inputs.get(input) === 'text') expect(CHECKER_API[rule.check]).toBe('security.msgSecCheck');
    }
  });
});

/** Property names of an interface, by parsing its file. */
function interfaceFields(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!decl) throw new Error(`${file} declares no interface ${name}`);
  return decl.members.filter(ts.isPropertySignature).map((m) => `${name}.${m.name.getText(source)}`);
}

describe('privacy declaration', () => {
  const contract = readFileSync(join(ROOT, 'docs', 'privacy.md'), 'utf8');

  it('the app config turns the privacy check on (the deploy dry run checks the built app.json)', () => {
    expect(readFileSync(join(ROOT, 'client', 'src', 'app.config.ts'), 'utf8')).toMatch(/^\s*__usePrivacyCheck__:\s*true,/m);
  });

  it('docs/privacy.md lists exactly the declared personal data, with the reason for each', () => {
    const rows = [...contract.matchAll(/^\|\s*`([a-z-]+)`\s*\|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(PERSONAL_DATA.map((d) => d.key).sort());
    for (const d of PERSONAL_DATA) expect(contract).toContain(d.why);
  });

  it('every privacy-relevant WeChat API the client calls is declared', () => {
    const used = PRIVACY_RELEVANT_APIS.filter((api) => CLIENT.some((f) => new RegExp(`\\.${api}\\(|openType=['"]${api}`).test(f.text)));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((api) => !PERSONAL_DATA.some((d) => d.key === PRIVACY_APIS[api]))).toEqual([]);
  });

  it('every field of the person-related documents is declared personal or not personal', () => {
    const declared = new Set([...PERSONAL_DATA.flatMap((d) => d.fields), ...NOT_PERSONAL_FIELDS]);
    const fields = Object.entries(PERSON_DOCUMENTS).flatMap(([name, file]) => interfaceFields(file, name));
    expect(fields.filter((f) => !declared.has(f))).toEqual([]);
    expect([...declared].filter((f) => !fields.includes(f))).toEqual([]);
  });
});
