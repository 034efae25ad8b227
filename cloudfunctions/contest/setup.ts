import {
  contestSetupSchema,
  ensure,
  idSchema,
  roundsOf,
  ruleOf,
  scoringRuleText,
  type ContestDoc,
  type ContestRound,
  type ContestSetupInput,
} from '@yanzhen/domain';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { auditIn } from '../shared/audit';
import { _ } from '../shared/cloud';
import { loadContest } from '../shared/contests';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { userKey } from '../shared/user-key';
import { loadJudges, type ContestJudge } from './judging-data';

/**
 * Contest set-up by the district office (issue 10): the contest's dimensions, rounds and their judges, windows,
 * awards and the scoring rule; locking a round. The rule (method, dimensions' weights and maxima, vote weight)
 * is fixed once scoring starts — at the scoring window's start or at the first score, whichever comes first —
 * so that nobody can change how scores count after seeing some.
 */

/** True once the rule may no longer change. */
export const isRuleFixed = (c: Pick<ContestDoc, 'ruleFixedAt' | 'scoring'>, now: Date): boolean =>
  Boolean(c.ruleFixedAt) || (c.scoring ? new Date(c.scoring.start).getTime() <= now.getTime() : false);

/** What the admin's set-up form edits: the contest with judges as opaque keys, never OpenIDs. */
export function adminContest(c: ContestDoc, now: Date) {
  const rule = ruleOf(c);
  return {
    _id: c._id,
    title: c.title,
    year: c.year,
    theme: c.theme,
    status: c.status,
    dimensions: c.dimensions,
    rounds: roundsOf(c).map((r) => ({ ...r, judges: r.judges.map(userKey) })),
    registration: c.registration ?? null,
    scoring: c.scoring ?? null,
    vote: c.vote,
    awards: c.awards,
    rule,
    ruleText: scoringRuleText(rule),
    ruleFixed: isRuleFixed(c, now),
    ruleFixedAt: c.ruleFixedAt ?? null,
    published: Boolean(c.published),
  };
}

/** The parts of a contest that decide how scores count: equal before and after, or the save is refused once fixed. */
function ruleParts(c: Pick<ContestDoc, 'dimensions' | 'rule' | 'vote'>): string {
  const rule = ruleOf(c);
  return JSON.stringify({
    dimensions: [...c.dimensions].sort((a, b) => a.key.localeCompare(b.key)).map((d) => [d.key, d.weight, d.maxScore]),
    rule: [rule.method, rule.method === 'trimmed-mean' ? rule.trimMinJudges : 0, rule.tieBreak, rule.quizWeight ?? 0],
    voteWeight: c.vote?.weight ?? 0,
  });
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stored rounds for the input: existing rounds keep their key and lock, new ones get the next free key.
 * Refuses removing or changing a locked round and removing a round that holds scores.
 */
function nextRounds(input: ContestSetupInput['rounds'], before: ContestRound[], judgeByKey: Map<string, ContestJudge>, scoredRounds: Set<string>, competing: Set<string> = new Set()): ContestRound[] {
  const byKey = new Map(before.map((r) => [r.key, r]));
  let next = Math.max(0, ...before.map((r) => Number(r.key.slice(1)))) + 1;
  const out = input.map((r): ContestRound => {
    const judges = r.judges.map((k) => {
      const judge = judgeByKey.get(k);
      ensure(judge, 'invalid-argument', '所选评委不是本次比武的评委，请先邀请');
      ensure(!competing.has(judge.openid), 'failed-precondition', '该评委是本次比武的参赛选手，不能担任评委');
      return judge.openid;
    });
    const old = r.key ? byKey.get(r.key) : undefined;
    ensure(!r.key || old, 'invalid-argument', '轮次不存在');
    const round: ContestRound = { key: old?.key ?? `r${next++}`, form: r.form, kind: r.kind, judges, locked: old?.locked ?? false };
    if (old?.lockedAt) round.lockedAt = old.lockedAt;
    if (r.quiz) round.quiz = r.quiz;
    if (old?.locked) {
      const same = old.form === round.form && old.kind === round.kind && sameJson([...old.judges].sort(), [...judges].sort()) && sameJson(old.quiz ?? null, round.quiz ?? null);
      ensure(same, 'failed-precondition', `“${old.form}”轮次已锁定，不能再修改`);
    }
    return round;
  });
  for (const old of before) {
    if (out.some((r) => r.key === old.key)) continue;
    ensure(!old.locked, 'failed-precondition', `“${old.form}”轮次已锁定，不能删除`);
    ensure(!scoredRounds.has(old.key), 'failed-precondition', `“${old.form}”轮次已有评分，不能删除`);
  }
  return out;
}

async function roundsWithScores(contestId: string): Promise<Set<string>> {
  const scores = await readAll<{ roundKey: string }>('scores', { contestId }, { field: { roundKey: true } });
  return new Set(scores.map((s) => s.roundKey));
}

/** Judges who are (non-rejected) candidates of the contest: they cannot judge it. */
async function judgesWhoCompete(contestId: string, judges: ContestJudge[]): Promise<Set<string>> {
  const secretaryIds = judges.map((j) => j.secretaryId).filter((s): s is string => Boolean(s));
  if (!secretaryIds.length) return new Set();
  const found = await readAll<{ secretaryId: string }>('candidates', { contestId, secretaryId: _.in(secretaryIds), status: _.in(['pending', 'approved']) }, { field: { secretaryId: true } });
  const competing = new Set(found.map((c) => c.secretaryId));
  return new Set(judges.filter((j) => j.secretaryId && competing.has(j.secretaryId)).map((j) => j.openid));
}

function storedFields(input: ContestSetupInput, rounds: ContestRound[], now: Date) {
  const { contestId: _id, ...rest } = input;
  const rule = input.rule;
  return {
    ...rest,
    forms: rounds.map((r) => r.form),
    rounds,
    rule,
    scoringRule: scoringRuleText(rule),
    status: input.scoring.start.getTime() <= now.getTime() ? ('judging' as const) : ('registration' as const),
    updatedAt: now,
  };
}

async function saveContest(input: ContestSetupInput, actor: string, now: Date): Promise<{ contestId: string; created: boolean }> {
  if (!input.contestId) {
    ensure(input.rounds.every((r) => r.judges.length === 0), 'invalid-argument', '请先创建比武，再邀请评委并分配到各轮');
    const contestId = `contest-${input.year}-${randomBytes(3).toString('hex')}`;
    const rounds = nextRounds(input.rounds, [], new Map(), new Set());
    const doc = { ...storedFields(input, rounds, now), createdAt: now };
    await inTransaction(async (t) => {
      checked(await t.collection('contests').doc(contestId).set({ data: doc }));
      await auditIn(t, { actor, action: 'contest.setupSave', target: `contests/${contestId}`, before: null, after: { title: doc.title, rule: doc.scoringRule } });
    });
    return { contestId, created: true };
  }
  const contestId = input.contestId;
  await loadContest(contestId); // not-found before the reads below
  const [judges, scoredRounds] = await Promise.all([loadJudges(contestId), roundsWithScores(contestId)]);
  const competing = await judgesWhoCompete(contestId, judges);
  const judgeByKey = new Map(judges.map((j) => [j.judgeKey, j]));
  const gateOf = new Map(judges.map((j) => [j.openid, j.assignmentId]));
  await inTransaction(async (t) => {
    // Decided on the transaction's snapshot; the write to the contest makes a concurrent lock, score or save
    // of the same contest conflict (scores write the contest when they fix the rule, locks always).
    const before = await readInTransaction<ContestDoc>(t, 'contests', contestId);
    ensure(before, 'not-found', '找不到该比武活动');
    ensure(!before.published, 'failed-precondition', '比武结果已公布，不能再修改设置');
    const rounds = nextRounds(input.rounds, roundsOf(before), judgeByKey, scoredRounds, competing);
    const fields = storedFields(input, rounds, now);
    const fixed = isRuleFixed(before, now);
    ensure(!fixed || ruleParts(before) === ruleParts(fields), 'failed-precondition', '评分已经开始，评分规则（维度、权重、满分、计分方法、决胜规则）不能再修改');
    if (fixed && !before.ruleFixedAt) Object.assign(fields, { ruleFixedAt: now });
    if (fixed) ensure(new Date(before.scoring?.start ?? now).getTime() === fields.scoring.start.getTime() || !before.scoring, 'failed-precondition', '评分已经开始，不能修改评分开始时间');
    checked(await t.collection('contests').doc(contestId).update({ data: { ...fields, rounds: _.set(rounds), dimensions: _.set(fields.dimensions), awards: _.set(fields.awards), rule: _.set(fields.rule) } }));
    // Judges taken off a round: touch their guard, so that a score they started before this save cannot
    // slip in after a lock that no longer lists them (judging.ts, submitScore).
    const removed = roundsOf(before).flatMap((r) => r.judges.filter((o) => !rounds.find((n) => n.key === r.key)?.judges.includes(o)));
    for (const openid of new Set(removed)) {
      const gate = gateOf.get(openid);
      if (gate) checked(await t.collection('judgeAssignments').doc(gate).update({ data: { scoreGuard: _.inc(1) } }));
    }
    await auditIn(t, {
      actor,
      action: 'contest.setupSave',
      target: `contests/${contestId}`,
      before: { title: before.title, rule: before.scoringRule, rounds: roundsOf(before).map((r) => `${r.key} ${r.form} ×${r.judges.length}`) },
      after: { title: fields.title, rule: fields.scoringRule, rounds: rounds.map((r) => `${r.key} ${r.form} ×${r.judges.length}`) },
    });
  });
  return { contestId, created: false };
}

/** Locks a round: the contest, every guard of the round's judges and the audit entry in one transaction. */
async function lockRound(contestId: string, roundKey: string, actor: string, now: Date) {
  const judges = await loadJudges(contestId);
  const gateOf = new Map(judges.map((j) => [j.openid, j.assignmentId]));
  return inTransaction(async (t) => {
    const contest = await readInTransaction<ContestDoc>(t, 'contests', contestId);
    ensure(contest, 'not-found', '找不到该比武活动');
    const rounds = roundsOf(contest);
    const round = rounds.find((r) => r.key === roundKey);
    ensure(round, 'not-found', '找不到该轮次');
    if (round.locked) return { contestId, roundKey, locked: true, lockedAt: round.lockedAt ?? null };
    const next = rounds.map((r) => (r.key === roundKey ? { ...r, locked: true, lockedAt: now } : r));
    checked(await t.collection('contests').doc(contestId).update({ data: { rounds: _.set(next), updatedAt: now } }));
    // Every score write of a judge writes her guard too: a score transaction that began before this lock
    // either committed before this write (and this transaction conflicts and re-runs, seeing the round as it
    // is) or conflicts on its own guard write, re-runs and finds the round locked. The lock always wins.
    for (const openid of round.judges) {
      const gate = gateOf.get(openid);
      if (gate) checked(await t.collection('judgeAssignments').doc(gate).update({ data: { scoreGuard: _.inc(1) } }));
    }
    await auditIn(t, { actor, action: 'contest.lockRound', target: `contests/${contestId}/rounds/${roundKey}`, before: { locked: false }, after: { locked: true, form: round.form } });
    return { contestId, roundKey, locked: true, lockedAt: now };
  });
}

export const setupActions: ActionMap = {
  /** Admin: a contest as the set-up form edits it, the judges invited to it, and how far scoring has got. */
  setupGet: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema }),
    async run({ contestId }, { now }) {
      const [contest, judges, scores] = await Promise.all([
        loadContest(contestId),
        loadJudges(contestId),
        readAll<{ roundKey: string; candidateId: string }>('scores', { contestId }, { field: { roundKey: true, candidateId: true } }),
      ]);
      const competing = await judgesWhoCompete(contestId, judges);
      const progress: Record<string, number> = {};
      for (const s of scores) progress[s.roundKey] = (progress[s.roundKey] ?? 0) + 1;
      return {
        contest: adminContest(contest, now),
        judges: judges.map((j) => ({ judgeKey: j.judgeKey, street: j.street, competing: competing.has(j.openid) })),
        scoresByRound: progress,
      };
    },
  }),
  /** Admin: create (no contestId) or update a contest; audited. */
  setupSave: action({
    access: 'admin',
    input: contestSetupSchema,
    run: (input, { caller, now }) => saveContest(input, caller.openid as string, now),
  }),
  /** Admin: lock a round; scores of a locked round never change. Audited; locking twice is a no-op. */
  lockRound: action({
    access: 'admin',
    input: z.strictObject({ contestId: idSchema, roundKey: z.string().regex(/^r[0-9]{1,2}$/) }),
    run: ({ contestId, roundKey }, { caller, now }) => lockRound(contestId, roundKey, caller.openid as string, now),
  }),
};
