import { DIMENSIONS, scoreId, recusalId, scoringRuleText, type ContestDoc, type ScoringRule } from '@yanzhen/domain';
import { userKey } from '../../cloudfunctions/shared/user-key';
import { SECRETARIES } from './people';

/**
 * The contests of the demo (issue 10, B1): the current contest — public voting open today, registration over,
 * its first round (现场述职) being scored by six judges — and the 2023 edition (B2's seed publishes its results).
 * The current contest's candidates are the 17 secretaries (`cand-sec-01` …, written by main.ts / A's seed).
 */

const DAY = 86_400_000;

/** The seeded judges besides `demo-judge` (invented; one of them is from 大观园, so she is recused there). */
export const SEED_JUDGES = ['seed-judge-1', 'seed-judge-2', 'seed-judge-3', 'seed-judge-4', 'seed-judge-5'];
const JUDGE_STREETS: Record<string, string> = { 'seed-judge-2': SECRETARIES[1].street };
/** demo-judge is from the last secretary's street: one contestant in her list is recused automatically. */
export const DEMO_JUDGE_STREET = SECRETARIES[SECRETARIES.length - 1].street;
/** How many contestants demo-judge has already scored in the current round (the first ones in id order). */
export const DEMO_JUDGE_SCORED = 5;

const CURRENT_RULE: ScoringRule = { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization', 'team'], quizWeight: 10 };

/** The contest whose public voting is open on the day `npm start` runs: 3 votes a day, 1 per candidate. */
export function currentContest(now: Date): ContestDoc {
  const t = now.getTime();
  const judges = ['demo-judge', ...SEED_JUDGES];
  return {
    _id: 'contest-current',
    title: `${now.getFullYear()}年社区书记大比武`,
    year: now.getFullYear(),
    theme: '我们的红色幸福家园',
    status: 'judging',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: 100 })),
    forms: ['现场述职', '实地观摩', '知识竞赛', '智慧交锋'],
    rounds: [
      { key: 'r1', form: '现场述职', kind: 'scored', judges, locked: false },
      { key: 'r2', form: '实地观摩', kind: 'scored', judges: judges.slice(0, 4), locked: false },
      { key: 'r3', form: '知识竞赛', kind: 'quiz', judges: [], locked: false, quiz: { questionCount: 10, timeLimitSeconds: 600 } },
      { key: 'r4', form: '智慧交锋', kind: 'scored', judges, locked: false },
    ],
    registration: { start: new Date(t - 40 * DAY), end: new Date(t - 3 * DAY) },
    scoring: { start: new Date(t - 2 * DAY), end: new Date(t + 12 * DAY) },
    vote: { start: new Date(t - 3 * DAY), end: new Date(t + 14 * DAY), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    rule: CURRENT_RULE,
    ruleFixedAt: new Date(t - 2 * DAY),
    scoringRule: scoringRuleText(CURRENT_RULE),
    awards: [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
      { tier: '三等奖', count: 3 },
    ],
    createdAt: new Date(t - 30 * DAY),
  };
}

/** The 2023 edition from the report (B2's seed adds its rounds, scores and published results). */
export function contest2023(): ContestDoc {
  const rule: ScoringRule = { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] };
  return {
    _id: 'contest-2023',
    title: '2023年社区书记大比武',
    year: 2023,
    theme: '我们的红色幸福家园',
    status: 'published',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: 100 })),
    forms: ['现场述职', '实地观摩', '互动交流', '智慧交锋', '登台打擂'],
    vote: { start: new Date('2023-09-01T00:00:00+08:00'), end: new Date('2023-09-15T00:00:00+08:00'), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    rule,
    scoringRule: scoringRuleText(rule),
    awards: [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
      { tier: '三等奖', count: 3 },
    ],
    createdAt: new Date('2023-08-01T00:00:00+08:00'),
  };
}

type Put = (collection: string, docs: { _id: string }[]) => Promise<void>;

/** A judge's score of a contestant in a dimension: the contestant's level, the judge's leniency, some spread. */
function demoScore(candidate: number, judge: number, dimension: number): number {
  const level = 78 + ((candidate * 7) % 17); // 78 … 94
  const leniency = [-2, 1, 3, -4, 0, 2][judge % 6];
  const spread = ((candidate * 13 + judge * 5 + dimension * 3) % 7) - 3;
  return Math.max(60, Math.min(100, level + leniency + spread));
}

/**
 * The judges and the scores of round r1 of the current contest: five seeded judges have scored every
 * contestant they are not recused from, demo-judge the first DEMO_JUDGE_SCORED; seed-judge-4 has declared a
 * conflict with the third contestant. Answers a line for the seed's summary.
 */
export async function seedJudging(put: Put, now: Date): Promise<string> {
  const contestId = 'contest-current';
  const judges = ['demo-judge', ...SEED_JUDGES];
  await put('users', SEED_JUDGES.map((openid) => ({ _id: openid, key: userKey(openid), roles: ['judge'], updatedAt: now }) as { _id: string }));
  await put(
    'judgeAssignments',
    judges.map((openid) => {
      const street = openid === 'demo-judge' ? DEMO_JUDGE_STREET : JUDGE_STREETS[openid];
      const id = openid === 'demo-judge' ? `judge-${contestId}-demo-judge` : `judge-${contestId}-${userKey(openid)}`;
      return { _id: id, contestId, openid, key: userKey(openid), ...(street ? { street } : {}), createdAt: now } as { _id: string };
    }),
  );
  const declared = { judge: 'seed-judge-4', candidate: SECRETARIES[2]._id };
  await put('recusals', [
    { _id: recusalId(contestId, `cand-${declared.candidate}`, userKey(declared.judge)), contestId, candidateId: `cand-${declared.candidate}`, judgeKey: userKey(declared.judge), reason: 'declared', note: '曾与该书记在同一社区共事', createdAt: now } as { _id: string },
  ]);
  const scores: { _id: string }[] = [];
  judges.forEach((openid, j) => {
    const street = openid === 'demo-judge' ? DEMO_JUDGE_STREET : JUDGE_STREETS[openid];
    SECRETARIES.forEach((s, c) => {
      if (s.street === street) return; // recused automatically
      if (openid === declared.judge && s._id === declared.candidate) return;
      if (openid === 'demo-judge' && c >= DEMO_JUDGE_SCORED) return; // still to score
      const candidateId = `cand-${s._id}`;
      const judgeKey = userKey(openid);
      const dimensions = Object.fromEntries(DIMENSIONS.map((d, k) => [d.key, demoScore(c, j, k)]));
      scores.push({ _id: scoreId(contestId, 'r1', candidateId, judgeKey), contestId, roundKey: 'r1', candidateId, judgeKey, dimensions, updatedAt: new Date(now.getTime() - (c + 1) * 3_600_000) } as { _id: string });
    });
  });
  await put('scores', scores);
  return `${judges.length} judges, ${scores.length} scores in round 现场述职 of the current contest`;
}
