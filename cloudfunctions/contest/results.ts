import { ensure, idSchema, roundsOf, ruleOf, type ContestDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, readDoc } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { publishProblems, readResultsInput, RESULTS } from './results-data';
import { buildSnapshot, publicSheet, resultsOf, type ResultsSnapshot } from './results-snapshot';
import { exportResults } from './results-export';

/**
 * Results (issue 10, B2): the admin's check list and publication, the public results (CONTRACT in
 * docs/api.md), the judges' sheets when the admin made them public, and the Excel export. Publishing
 * computes the totals once with the pure rule (domain/src/scoring.ts) and stores them; from then on the
 * contest's rule and numbers are fixed (set-up refuses changes to a published contest).
 */

const loadSnapshot = (contestId: string) => readDoc<ResultsSnapshot>(RESULTS, contestId);

/** The check list, and the ranking as it would be published now (admin only: judges' totals before publication). */
async function publishCheck(contestId: string) {
  const contest = await loadContest(contestId);
  const input = await readResultsInput(contest);
  const problems = publishProblems(contest, input.candidates.length);
  const scoresByRound = new Map<string, number>();
  for (const s of input.scores) scoresByRound.set(s.roundKey, (scoresByRound.get(s.roundKey) ?? 0) + 1);
  const { ranking, awards } = resultsOf(contest, input);
  return {
    contestId,
    title: contest.title,
    published: Boolean(contest.published),
    publishedAt: contest.published?.at ?? null,
    sheetsPublic: contest.published?.sheetsPublic ?? false,
    ready: problems.length === 0,
    problems,
    rounds: roundsOf(contest).map((r) => ({ key: r.key, form: r.form, kind: r.kind, locked: r.locked, judges: r.judges.length, scores: scoresByRound.get(r.key) ?? 0 })),
    contestants: input.candidates.length,
    recusals: input.recusals.length,
    preview: { awards, ranking: ranking.map((r) => ({ candidateId: r.candidateId, name: r.name, place: r.place, total: r.total })) },
  };
}

/** Publishes: snapshot, contest status and audit entry in one transaction; a second publication is refused. */
async function publish(contestId: string, sheetsPublic: boolean, actor: string, now: Date) {
  const contest = await loadContest(contestId);
  ensure(!contest.published, 'failed-precondition', '比武结果已经公布，不能重复公布');
  // Read once every round is locked (checked here and again in the transaction): locked scores cannot change.
  const early = publishProblems(contest, 1);
  ensure(early.length === 0, 'failed-precondition', `还不能公布结果：${early.join('；')}`, { problems: early });
  const input = await readResultsInput(contest);
  return inTransaction(async (t) => {
    const current = await readInTransaction<ContestDoc>(t, 'contests', contestId);
    ensure(current, 'not-found', '找不到该比武活动');
    ensure(!current.published, 'failed-precondition', '比武结果已经公布，不能重复公布');
    const problems = publishProblems(current, input.candidates.length);
    ensure(problems.length === 0, 'failed-precondition', `还不能公布结果：${problems.join('；')}`, { problems });
    // The rounds and rule as they are in the transaction's snapshot (equal to those read above once all are locked).
    const snap = buildSnapshot(current, input, { sheetsPublic, at: now, actor });
    const { _id, ...data } = snap;
    checked(await t.collection(RESULTS).doc(_id).set({ data }));
    checked(await t.collection('contests').doc(contestId).update({ data: { status: 'published', published: _.set({ at: now, sheetsPublic }), updatedAt: now } }));
    await auditIn(t, {
      actor,
      action: 'contest.publish',
      target: `contests/${contestId}`,
      before: { status: current.status },
      after: { status: 'published', sheetsPublic, contestants: snap.ranking.length, awards: snap.awards.map((a) => `${a.tier} ${a.name} ${a.total}`) },
    });
    return { contestId, publishedAt: now, sheetsPublic, awards: snap.awards, ranking: snap.ranking.map((r) => ({ candidateId: r.candidateId, name: r.name, place: r.place, total: r.total })) };
  });
}

export const resultsActions: ActionMap = {
  /** Admin: what still stands in the way of publishing, per round, and the totals as they would be published. */
  resultsCheck: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    run: ({ contestId }) => publishCheck(contestId),
  }),
  /** Admin: publish the results (every scored round locked); audited; rule and numbers fixed from then on. */
  publish: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema, sheetsPublic: z.boolean().default(false) }),
    run: ({ contestId, sheetsPublic }, { caller, now }) => publish(contestId, sheetsPublic, caller.openid as string, now),
  }),
  /** Public, CONTRACT: the published ranking and awards; before publication `published: false` and empty lists. */
  results: action({
    access: 'public',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }) {
      const contest = await loadContest(contestId);
      const snap = contest.published ? await loadSnapshot(contestId) : undefined;
      if (!snap) return { published: false, rule: ruleOf(contest), awards: [], ranking: [] };
      return {
        published: true,
        rule: snap.rule,
        awards: snap.awards.map((a) => ({ tier: a.tier, candidateId: a.candidateId, name: a.name, total: a.total })),
        ranking: snap.ranking.map((r) => ({ candidateId: r.candidateId, name: r.name, total: r.total, dimensions: r.dimensions })),
      };
    },
  }),
  /** Public: the judges' score sheets, only if the admin published them (labels 评委1…, no notes); else empty. */
  resultsSheets: action({
    access: 'public',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }) {
      const contest = await loadContest(contestId);
      const snap = contest.published ? await loadSnapshot(contestId) : undefined;
      const open = Boolean(snap?.sheetsPublic);
      return { published: Boolean(snap), sheetsPublic: open, publishedAt: snap?.publishedAt ?? null, ruleText: snap?.ruleText ?? null, sheets: open && snap ? snap.sheets.map(publicSheet) : [] };
    },
  }),
  /** Admin: the published results and every judge's sheet (with notes) as an Excel file → `{ fileID, tempFileURL, … }`. */
  resultsExport: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, { caller, now }) {
      const contest = await loadContest(contestId);
      const snap = contest.published ? await loadSnapshot(contestId) : undefined;
      ensure(snap, 'failed-precondition', '结果公布后才能导出');
      return exportResults(contest, snap, caller.openid as string, now);
    },
  }),
};
