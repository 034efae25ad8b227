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
  'contest.register.summary': { check: 'checkMaterialsText', calledIn: 'cloudfunctions/contest/registration.ts' },
  'contest.register.projectTitle': { check: 'checkMaterialsText', calledIn: 'cloudfunctions/contest/registration.ts' },
  'contest.register.projectDescription': { check: 'checkMaterialsText', calledIn: 'cloudfunctions/contest/registration.ts' },
  'contest.register.photoFileIds[]': { check: 'checkMaterialPhotos', calledIn: 'cloudfunctions/contest/registration.ts' },
  'contest.setupSave.title': { unchecked: "an admin's contest set-up (staff text, not UGC), public on the contest page" },
  'contest.setupSave.theme': { unchecked: "an admin's contest set-up (staff text, not UGC), public on the contest page" },
  'contest.setupSave.awards[].tier': { unchecked: "an admin's award tier names (staff text, not UGC), public with the results" },
  'contest.submitScore.note': { unchecked: "a judge's note on her own score: seen by her and the office only, never published (the public sheets leave notes out)" },
  'contest.declareConflict.note': { unchecked: "a judge's reason for recusal, seen by the office only" },
  'contest.reviewRegistration.reason': { unchecked: "an admin's reject reason, shown only to the secretary concerned (staff text, not UGC)" },
  'contest.reviewRegistrations.reason': { unchecked: "an admin's reject reason, shown only to the secretaries concerned (staff text, not UGC)" },
  'user.redeemCode.code': { unchecked: 'compared with issued codes, never stored or shown' },
  'user.auditList.operation': { unchecked: "a filter of the admin's audit view, never stored" },
  'user.auditList.target': { unchecked: "a filter of the admin's audit view, never stored" },
  'salon.ask.text': { check: 'checkSalonText', calledIn: 'cloudfunctions/salon/qa.ts' },
  'salon.answer.text': { check: 'checkSalonText', calledIn: 'cloudfunctions/salon/qa.ts' },
  'salon.comment.department': { unchecked: "an admin's record of a department's comment (staff text, not UGC)" },
  'salon.comment.speaker': { unchecked: "an admin's record of a department's comment (staff text, not UGC)" },
  'salon.comment.text': { unchecked: "an admin's record of a department's comment (staff text, not UGC)" },
  'salon.archiveList.q': { unchecked: 'a search of the public salon archive, never stored' },
  'salon.skipHost.reason': { unchecked: "an admin's reason for skipping a street in the rotation (staff text, not UGC), shown to admins" },
  'salon.create.theme': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.create.place': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.create.presenters[].caseTitle': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.create.departments[]': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.create.experts[]': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.update.theme': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.update.place': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.update.presenters[].caseTitle': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.update.departments[]': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.update.experts[]': { unchecked: "an admin's salon plan (staff text, not UGC), public on the salon page" },
  'salon.saveArchive.minutes': { unchecked: "the admin's minutes of a salon (staff text, not UGC)" },
  'salon.saveArchive.photos[].fileId': { unchecked: "the admin's photos of a salon, only under salons/<salonId>/ (staff content, not UGC)" },
  'salon.saveArchive.photos[].caption': { unchecked: "the admin's photo captions (staff text, not UGC)" },
  'archive.listFiles.q': { unchecked: "a filter of the admin's file list, never stored" },
  'archive.addEntry.entry.title': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.addEntry.entry.detail': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.addEntry.entry.source': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.editEntry.entry.title': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.editEntry.entry.detail': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.editEntry.entry.source': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.updateBasics.basics.name': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.updateBasics.basics.community': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.updateBasics.basics.post': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.updateBasics.basics.address': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.propose.entry.title': { unchecked: "a secretary's proposed record of her own file: seen only by admins, who confirm it, and by her; never public" },
  'archive.propose.entry.detail': { unchecked: "a secretary's proposed record of her own file: seen only by admins, who confirm it, and by her; never public" },
  'archive.propose.entry.source': { unchecked: "a secretary's proposed record of her own file: seen only by admins, who confirm it, and by her; never public" },
  'archive.decideProposal.reason': { unchecked: "an admin's reject reason, shown only to the secretary concerned (staff text, not UGC)" },
  'archive.changeRoster.community': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.changeRoster.name': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.changeRoster.reason': { unchecked: "staff text in the admin-only archive (person files, rosters), never public" },
  'archive.importPreview.fileID': { unchecked: "an admin's workbook, read once for an import of admin-only data; never published" },
  'contest.quizSaveQuestion.text': { unchecked: "an admin's quiz question (staff text, not UGC), shown only to contestants taking the quiz" },
  'contest.quizSaveQuestion.options[]': { unchecked: "an admin's quiz options (staff text, not UGC), shown only to contestants taking the quiz" },
  'contest.quizSaveQuestion.explanation': { unchecked: "an admin's note on a quiz question, shown only to admins" },
  'contest.quizImportPreview.fileId': { unchecked: "an admin's workbook under quiz-imports/, read to check staff-written questions; never published" },
  'contest.quizImport.fileId': { unchecked: "an admin's workbook under quiz-imports/, read once to import staff-written questions; never published" },
  'talent.addReserve.name': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public" },
  'talent.addReserve.community': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public" },
  'talent.addReserve.note': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public" },
  'talent.moveStage.reason': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public" },
  'talent.saveStudio.name': { unchecked: "an admin's studio page (staff text, not UGC), public on the studio page" },
  'talent.saveStudio.intro': { unchecked: "an admin's studio page (staff text, not UGC), public on the studio page" },
  'talent.addStudioActivity.title': { unchecked: "an admin's studio page (staff text, not UGC), public on the studio page" },
  'talent.addStudioActivity.summary': { unchecked: "an admin's studio page (staff text, not UGC), public on the studio page" },
  'talent.openBatch.title': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public; the batch title is shown to its secretaries" },
  'talent.recordMeeting.place': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public; shown to the batch's secretaries" },
  'talent.recordMeeting.notes': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public" },
  'talent.closeBatch.summary': { unchecked: "staff text in the admin-only talent records (reserves, secondment batches), never public; shown to the batch's secretaries" },
  'talent.recommend.wishes[]': { unchecked: "community names a street wishes for its seconded secretary: shown only to admins and the pair, never public" },
  'talent.setWishes.wishes[]': { unchecked: "community names a street wishes for its seconded secretary: shown only to admins and the pair, never public" },
  'talent.fileReport.period': { check: 'checkReportText', calledIn: 'cloudfunctions/talent/participation.ts' },
  'talent.fileReport.text': { check: 'checkReportText', calledIn: 'cloudfunctions/talent/participation.ts' },
  'talent.commentReport.text': { check: 'checkReportText', calledIn: 'cloudfunctions/talent/participation.ts' },
};
const CHECKER_API: Record<string, string> = { checkMaterialsText: 'security.msgSecCheck', checkMaterialPhotos: 'security.mediaCheckAsync', checkTextSafe: 'security.msgSecCheck', checkDraftImages: 'security.mediaCheckAsync', checkSalonText: 'security.msgSecCheck', checkReportText: 'security.msgSecCheck' };

/** The body of an exported server function, by name ('' when there is none). */
function serverFunctionBody(name: string): string {
  const definition = SERVER.find((f) => new RegExp(`export async function ${name}\\(`).test(f.text));
  const body = definition?.text.slice(definition.text.indexOf(`function ${name}(`)) ?? '';
  return body.slice(0, body.indexOf('\n}\n'));
}

/** True when the checker calls the WeChat API itself or through a shared helper that does (cloudfunctions/shared). */
function callsApi(checker: string, api: string): boolean {
  const body = serverFunctionBody(checker);
  if (new RegExp(`\\b${api}\\(`).test(body)) return true;
  const helpers = [...body.matchAll(/\b(\w+)\(/g)].map((m) => m[1]).filter((name) => name !== checker);
  return helpers.some((name) => new RegExp(`\\b${api}\\(`).test(serverFunctionBody(name)));
}

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
      const api = CHECKER_API[rule.check].split('.')[1];
      expect({ input, api: callsApi(rule.check, api) }).toEqual({ input, api: true });
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
