import { z } from 'zod';

/** The six contest dimensions of the 2023 大比武 (design.md); showcase tags use the same keys. */
export const DIMENSIONS = [
  { key: 'organization', name: '组织建设' },
  { key: 'team', name: '抓班子带队伍' },
  { key: 'position', name: '阵地打造' },
  { key: 'grid', name: '网格化治理' },
  { key: 'property', name: '红色物业建设' },
  { key: 'newGroups', name: '新业态新就业群体党建' },
] as const;
export type DimensionKey = (typeof DIMENSIONS)[number]['key'];
export const DIMENSION_KEYS = DIMENSIONS.map((d) => d.key) as [DimensionKey, ...DimensionKey[]];
export const dimensionName = (key: DimensionKey): string => DIMENSIONS.find((d) => d.key === key)?.name ?? key;

/** Contest forms (rounds) named in the report. */
export const CONTEST_FORMS = ['现场述职', '实地观摩', '互动交流', '智慧交锋', '登台打擂', '知识竞赛', '项目观摩'] as const;

export interface VoteRule {
  /** Votes one voter may cast per China-time day in this contest. */
  perDay: number;
  /** Votes one voter may give one candidate per day. */
  perCandidatePerDay: number;
}

export interface VoteWindow extends VoteRule {
  start: Date;
  end: Date;
  /** Weight of public votes in the final score: 0 unless an admin deliberately sets it. */
  weight: number;
}

export type ContestStatus = 'draft' | 'registration' | 'judging' | 'published';
/** Registrations: pending → approved (a contestant, for voting and judging too) / rejected; withdrawn by the secretary. */
export type CandidateStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export type ContestForm = (typeof CONTEST_FORMS)[number];
export const ROUND_KINDS = ['scored', 'quiz'] as const;
/** `scored`: judges score the six dimensions; `quiz`: the knowledge quiz, auto-scored 0–100 (issue 10, area C). */
export type RoundKind = (typeof ROUND_KINDS)[number];

/** A period with both ends, stored as Dates (start inclusive, end exclusive). */
export interface DateWindow {
  start: Date;
  end: Date;
}

/** Settings of a quiz round (area C reads them; absent on scored rounds). */
export interface QuizRoundSettings {
  questionCount: number;
  timeLimitSeconds: number;
}

/** One round of the contest in one of the article's forms, with its judges. */
export interface ContestRound {
  /** Stable key within the contest (`r1`, `r2`, …): part of score ids. */
  key: string;
  form: ContestForm;
  kind: RoundKind;
  /** Judge OpenIDs (scored rounds; empty for quiz rounds). Never sent to residents. */
  judges: string[];
  /** Locked by the admin: no score of this round changes any more. */
  locked: boolean;
  lockedAt?: Date;
  quiz?: QuizRoundSettings;
}

export const RULE_METHODS = ['trimmed-mean', 'mean'] as const;
export type RuleMethod = (typeof RULE_METHODS)[number];

/**
 * How judges' scores become a total (B2's pure function in domain/ consumes it).
 * - `trimmed-mean`: for each dimension, a contestant with at least `trimMinJudges` (non-recused) judges' scores
 *   loses her highest and lowest score of that dimension, the rest are averaged; with fewer, the plain mean.
 * - `mean`: the plain mean always (`trimMinJudges` is then ignored).
 * - `tieBreak`: equal totals are ordered by these dimensions' scores, compared in this order (higher first);
 *   contestants still equal share the place.
 * - `quizWeight`: percent of the total that comes from the quiz round (0–100; 0 or absent = no quiz in the total).
 */
export interface ScoringRule {
  method: RuleMethod;
  trimMinJudges: number;
  tieBreak: DimensionKey[];
  quizWeight?: number;
}

/** The rule of contests created before rules were structured (their `scoringRule` text says the same). */
export const DEFAULT_SCORING_RULE: ScoringRule = { method: 'trimmed-mean', trimMinJudges: 5, tieBreak: ['organization'] };

export const scoringRuleSchema = z.strictObject({
  method: z.enum(RULE_METHODS),
  trimMinJudges: z.number().int().min(3).max(50),
  tieBreak: z.array(z.enum(DIMENSION_KEYS)).max(DIMENSIONS.length).refine((keys) => new Set(keys).size === keys.length, '决胜维度不能重复'),
  quizWeight: z.number().int().min(0).max(100).optional(),
});

/** The rule in words, as the contest page states it before scoring starts. */
export function scoringRuleText(rule: ScoringRule): string {
  const mean =
    rule.method === 'trimmed-mean'
      ? `每个维度：评委不少于 ${rule.trimMinJudges} 人时去掉一个最高分和一个最低分后取平均分，少于 ${rule.trimMinJudges} 人时取平均分`
      : '每个维度取全部评委打分的平均分';
  const quiz = rule.quizWeight ? `；知识竞赛成绩占总分 ${rule.quizWeight}%` : '';
  const tie = rule.tieBreak.length ? `；总分相同时依次比较${rule.tieBreak.map((k) => `“${dimensionName(k)}”`).join('、')}得分，高者列前` : '；总分相同时名次并列';
  return `${mean}，再按各维度权重折算总分${quiz}${tie}。回避评委的打分不计入。`;
}

/** A contest's rounds, rule and windows with the defaults of contests stored before these fields existed. */
export const roundsOf = (c: Pick<ContestDoc, 'rounds'>): ContestRound[] => c.rounds ?? [];
export const ruleOf = (c: Pick<ContestDoc, 'rule'>): ScoringRule => c.rule ?? DEFAULT_SCORING_RULE;

export interface ContestDoc {
  _id: string;
  title: string;
  year: number;
  theme: string;
  status: ContestStatus;
  dimensions: { key: DimensionKey; weight: number; maxScore: number }[];
  forms: string[];
  vote: VoteWindow;
  /** Stated on the contest page: e.g. drop the highest and lowest score, then average. */
  scoringRule: string;
  awards: { tier: string; count: number }[];
  createdAt: Date;
  /* Issue 10 (B1 owns these). Optional because contests stored earlier lack them: read through roundsOf/ruleOf. */
  registration?: DateWindow;
  scoring?: DateWindow;
  rounds?: ContestRound[];
  /** The structured rule; `scoringRule` then holds its text (scoringRuleText) for older readers. */
  rule?: ScoringRule;
  /** Set when scoring starts (the first score, or the scoring window's start): the rule is fixed from then on. */
  ruleFixedAt?: Date;
  published?: { at: Date; sheetsPublic: boolean };
  updatedAt?: Date;
}

/** One judge's scores of one contestant in one round. `_id = scoreId(...)`; collection `scores` (ADMINONLY). */
export interface ScoreDoc {
  _id: string;
  contestId: string;
  roundKey: string;
  candidateId: string;
  /** userKey(openid) of the judge (cloudfunctions/shared/user-key.ts), never the OpenID. */
  judgeKey: string;
  dimensions: Partial<Record<DimensionKey, number>>;
  note?: string;
  updatedAt: Date;
}

export const scoreId = (contestId: string, roundKey: string, candidateId: string, judgeKey: string): string =>
  `${contestId}:${roundKey}:${candidateId}:${judgeKey}`;

export type RecusalReason = 'same-street' | 'declared';

/**
 * A judge who does not score a contestant. `same-street` ones are computed (judge's street vs the contestant's),
 * `declared` ones are stored in `recusals` with `_id = recusalId(...)`; read both through judging-data.ts.
 */
export interface RecusalDoc {
  _id: string;
  contestId: string;
  candidateId: string;
  judgeKey: string;
  reason: RecusalReason;
  note?: string;
  createdAt: Date;
}

export const recusalId = (contestId: string, candidateId: string, judgeKey: string): string => `${contestId}:${candidateId}:${judgeKey}`;

export interface CandidateDoc {
  _id: string;
  contestId: string;
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  status: CandidateStatus;
  rejectReason?: string;
  createdAt: Date;
}

export const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id 格式不正确');
