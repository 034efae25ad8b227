import {
  DIMENSIONS,
  ensure,
  idSchema,
  recusalId,
  roundsOf,
  scoreId,
  scoreInputSchema,
  scoreProblems,
  type CandidateDoc,
  type ContestDoc,
  type ContestRound,
  type RecusalDoc,
  type ScoreDoc,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionContext, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _, db, readDoc } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import type { Transaction } from '../shared/db-types';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { userKey } from '../shared/user-key';
import type { JudgeAssignmentDoc } from './judging-data';

/**
 * Judging (issue 10): a judge scores the approved contestants of her rounds, dimension by dimension, and may
 * change a score until the round is locked. She only ever reads her own scores. Recusal is automatic for a
 * contestant of her own street (her street: judging-data.ts) and declared for any other conflict; a judge who
 * is herself a candidate of the contest may not judge it at all.
 *
 * A score is one transaction: the contest read (round open? judge of the round?), the score document
 * (deterministic id), the judge's guard (her judgeAssignments document) and the audit entry. lockRound writes
 * the same guards in its transaction, so a score and a lock racing each other are ordered: either the score
 * committed first and counts, or it conflicts, re-runs and is refused. Nothing is ever written after a lock.
 */

const roundKeySchema = z.string().regex(/^r[0-9]{1,2}$/);

interface Judge {
  openid: string;
  judgeKey: string;
  street: string | null;
  assignment: JudgeAssignmentDoc;
}

/** The caller as a judge of this contest, or refused: not a judge of it, or a candidate in it. */
async function judgeOf(contestId: string, ctx: ActionContext): Promise<Judge> {
  const openid = ctx.caller.openid as string;
  const profile = ctx.profile ?? (await ctx.caller.profile());
  const found = await db.collection('judgeAssignments').where({ contestId, openid }).limit(1).get();
  const assignment = found.data[0] as JudgeAssignmentDoc | undefined;
  ensure(assignment, 'permission-denied', '您不是本次比武的评委');
  if (profile.secretaryId) {
    const own = await db.collection('candidates').where({ contestId, secretaryId: profile.secretaryId, status: _.in(['pending', 'approved']) }).limit(1).get();
    ensure(own.data.length === 0, 'permission-denied', '您是本次比武的选手，不能担任评委');
  }
  return { openid, judgeKey: userKey(openid), street: assignment.street ?? profile.street ?? null, assignment };
}

function scoringWindowCheck(contest: ContestDoc, now: Date): void {
  ensure(!contest.published, 'failed-precondition', '比武结果已公布，评分不能再修改');
  ensure(contest.scoring, 'failed-precondition', '本次比武尚未设置评分时间');
  ensure(now.getTime() >= new Date(contest.scoring.start).getTime(), 'failed-precondition', '评分尚未开始');
  ensure(now.getTime() < new Date(contest.scoring.end).getTime(), 'failed-precondition', '评分已经结束');
}

function myRound(contest: ContestDoc, roundKey: string, openid: string): ContestRound {
  const round = roundsOf(contest).find((r) => r.key === roundKey);
  ensure(round, 'not-found', '找不到该轮次');
  ensure(round.kind === 'scored', 'failed-precondition', '该轮次不由评委打分');
  ensure(round.judges.includes(openid), 'permission-denied', '您不是该轮次的评委');
  return round;
}

const sameStreet = (judge: Judge, candidate: Pick<CandidateDoc, 'street'>) => Boolean(judge.street) && judge.street === candidate.street;

/** The judge's guard: written by every score and recusal of hers and by every lock of her rounds. */
async function touchGuard(t: Transaction, judge: Judge): Promise<void> {
  const res = checked(await t.collection('judgeAssignments').doc(judge.assignment._id).update({ data: { scoreGuard: _.inc(1) } }));
  ensure(res.stats.updated === 1, 'permission-denied', '您已不是本次比武的评委');
}

async function submitScore(input: z.infer<typeof scoreInputSchema>, ctx: ActionContext) {
  const { contestId, roundKey, candidateId, dimensions, note } = input;
  const judge = await judgeOf(contestId, ctx);
  const [candidate, declared] = await Promise.all([
    readDoc<CandidateDoc>('candidates', candidateId, { contestId: true, street: true, status: true, name: true }),
    readDoc<RecusalDoc>('recusals', recusalId(contestId, candidateId, judge.judgeKey)),
  ]);
  ensure(candidate && candidate.contestId === contestId && candidate.status === 'approved', 'not-found', '找不到该选手');
  ensure(!sameStreet(judge, candidate), 'failed-precondition', '该选手与您同属一个街道，您已自动回避');
  ensure(!declared, 'failed-precondition', '您已申报回避该选手');
  const id = scoreId(contestId, roundKey, candidateId, judge.judgeKey);
  return inTransaction(async (t) => {
    const contest = await readInTransaction<ContestDoc>(t, 'contests', contestId);
    ensure(contest, 'not-found', '找不到该比武活动');
    const round = myRound(contest, roundKey, judge.openid);
    ensure(!round.locked, 'failed-precondition', '该轮次已锁定，评分不能再修改');
    scoringWindowCheck(contest, ctx.now);
    const problems = scoreProblems(dimensions, contest.dimensions);
    ensure(problems.length === 0, 'invalid-argument', problems.map((p) => `${DIMENSIONS.find((d) => d.key === p.key)?.name}：${p.message}`).join('；'), { problems });
    const before = await readInTransaction<ScoreDoc>(t, 'scores', id);
    const kept = Object.fromEntries(contest.dimensions.map((d) => [d.key, dimensions[d.key] as number]));
    const doc = { contestId, roundKey, candidateId, judgeKey: judge.judgeKey, dimensions: kept, ...(note ? { note } : {}), updatedAt: ctx.now };
    checked(await t.collection('scores').doc(id).set({ data: doc }));
    await touchGuard(t, judge);
    // The first score fixes the rule (setup.ts refuses rule changes from then on).
    if (!contest.ruleFixedAt) checked(await t.collection('contests').doc(contestId).update({ data: { ruleFixedAt: ctx.now } }));
    await auditIn(t, {
      actor: judge.openid,
      action: 'contest.submitScore',
      target: `scores/${id}`,
      before: before ? { dimensions: before.dimensions, note: before.note ?? null } : null,
      after: { dimensions: kept, note: note ?? null },
    });
    return { scoreId: id, dimensions: kept, note: note ?? null, updatedAt: ctx.now };
  });
}

async function declareConflict(contestId: string, candidateId: string, note: string | undefined, ctx: ActionContext) {
  const judge = await judgeOf(contestId, ctx);
  const candidate = await readDoc<CandidateDoc>('candidates', candidateId, { contestId: true, street: true, status: true });
  ensure(candidate && candidate.contestId === contestId && candidate.status === 'approved', 'not-found', '找不到该选手');
  const id = recusalId(contestId, candidateId, judge.judgeKey);
  return inTransaction(async (t) => {
    const contest = await readInTransaction<ContestDoc>(t, 'contests', contestId);
    ensure(contest, 'not-found', '找不到该比武活动');
    ensure(!contest.published, 'failed-precondition', '比武结果已公布');
    // A recusal changes the counted scores of every round of hers: not once one of them is locked.
    const mine = roundsOf(contest).filter((r) => r.judges.includes(judge.openid));
    ensure(!mine.some((r) => r.locked), 'failed-precondition', '您评审的轮次已锁定，不能再申报回避，请联系管理员');
    const existing = await readInTransaction<RecusalDoc>(t, 'recusals', id);
    if (existing) return { candidateId, recused: true, reason: existing.reason };
    const doc = { contestId, candidateId, judgeKey: judge.judgeKey, reason: 'declared' as const, ...(note ? { note } : {}), createdAt: ctx.now };
    checked(await t.collection('recusals').doc(id).set({ data: doc }));
    await touchGuard(t, judge);
    await auditIn(t, { actor: judge.openid, action: 'contest.declareConflict', target: `candidates/${candidateId}`, before: null, after: { reason: 'declared', note: note ?? null } });
    return { candidateId, recused: true, reason: 'declared' as const };
  });
}

export const judgingActions: ActionMap = {
  /** Judge: the rounds she judges, in every contest she is assigned to, with how many contestants she has scored. */
  judgeRounds: action({
    access: 'judge',
    input: z.strictObject({}),
    async run(_input, ctx) {
      const openid = ctx.caller.openid as string;
      const judgeKey = userKey(openid);
      const assignments = await readAll<JudgeAssignmentDoc>('judgeAssignments', { openid }, { field: { contestId: true } });
      const contests = assignments.length ? await readAll<ContestDoc>('contests', { _id: _.in(assignments.map((a) => a.contestId)) }) : [];
      const items = [];
      for (const c of contests.sort((a, b) => b.year - a.year)) {
        const rounds = roundsOf(c).filter((r) => r.kind === 'scored' && r.judges.includes(openid));
        if (!rounds.length) continue;
        const [approved, mine] = await Promise.all([
          db.collection('candidates').where({ contestId: c._id, status: 'approved' }).count(),
          readAll<{ roundKey: string }>('scores', { contestId: c._id, roundKey: _.in(rounds.map((r) => r.key)), judgeKey }, { field: { roundKey: true } }),
        ]);
        for (const r of rounds) {
          items.push({
            contestId: c._id,
            contestTitle: c.title,
            roundKey: r.key,
            form: r.form,
            locked: r.locked,
            scoringStart: c.scoring?.start ?? null,
            scoringEnd: c.scoring?.end ?? null,
            contestants: approved.total,
            scoredByMe: mine.filter((s) => s.roundKey === r.key).length,
          });
        }
      }
      return { items };
    },
  }),
  /** Judge: the approved contestants of one of her rounds, each with HER score (never another judge's) and recusal. */
  judgeContestants: action({
    access: 'judge',
    input: z.strictObject({ contestId: idSchema, roundKey: roundKeySchema }),
    async run({ contestId, roundKey }, ctx) {
      const judge = await judgeOf(contestId, ctx);
      const contest = await loadContest(contestId);
      const round = myRound(contest, roundKey, judge.openid);
      const [candidates, scores, declared] = await Promise.all([
        readAll<CandidateDoc & { materials?: { summary?: string; projectTitle?: string } }>('candidates', { contestId, status: 'approved' }),
        readAll<ScoreDoc>('scores', { contestId, roundKey, judgeKey: judge.judgeKey }),
        readAll<RecusalDoc>('recusals', { contestId, judgeKey: judge.judgeKey }),
      ]);
      const scoreOf = new Map(scores.map((s) => [s.candidateId, s]));
      const declaredOf = new Map(declared.map((r) => [r.candidateId, r]));
      const now = ctx.now.getTime();
      return {
        contest: { _id: contest._id, title: contest.title, dimensions: contest.dimensions },
        round: { key: round.key, form: round.form, locked: round.locked, lockedAt: round.lockedAt ?? null },
        scoringOpen: Boolean(contest.scoring) && now >= new Date(contest.scoring!.start).getTime() && now < new Date(contest.scoring!.end).getTime() && !contest.published,
        scoringStart: contest.scoring?.start ?? null,
        scoringEnd: contest.scoring?.end ?? null,
        items: candidates.map((c) => {
          const s = scoreOf.get(c._id);
          const recusal = sameStreet(judge, c) ? 'same-street' : declaredOf.has(c._id) ? 'declared' : null;
          return {
            candidateId: c._id,
            name: c.name,
            community: c.community,
            street: c.street,
            projectTitle: c.materials?.projectTitle ?? null,
            summary: c.materials?.summary ?? null,
            recusal,
            myScore: s ? { dimensions: s.dimensions, note: s.note ?? null, updatedAt: s.updatedAt } : null,
          };
        }),
      };
    },
  }),
  /** Judge: score (or re-score) one contestant in one round; refused once the round is locked. Audited. */
  submitScore: action({ access: 'judge', input: scoreInputSchema, run: submitScore }),
  /** Judge: declare a conflict with a contestant (she is then recused from her); audited. */
  declareConflict: action({
    access: 'judge',
    input: z.strictObject({ contestId: idSchema, candidateId: idSchema, note: z.string().trim().max(200).optional() }),
    run: ({ contestId, candidateId, note }, ctx) => declareConflict(contestId, candidateId, note, ctx),
  }),
};
