import { z } from 'zod';
import { CONTEST_FORMS, DIMENSION_KEYS, DIMENSIONS, ROUND_KINDS, idSchema, scoringRuleSchema, type DimensionKey } from './contest';
import { userKeySchema } from './identity';

/**
 * What an admin submits to set up a contest (`contest.setupSave`) and what a judge submits as a score
 * (`contest.submitScore`): validated here so that the set-up form and the scoring page check the same things
 * the cloud function does.
 */

/** An ISO date-time with its offset (what the client sends), as a Date. */
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
/** Milliseconds of a parsed instant; NaN when that field failed (zod still runs object refinements then). */
const ms = (d: unknown): number => (d instanceof Date ? d.getTime() : NaN);

export const dateWindowSchema = z
  .strictObject({ start: instant, end: instant })
  .refine((w) => !(ms(w.start) >= ms(w.end)), { message: '结束时间须晚于开始时间', path: ['end'] });

export const roundInputSchema = z.strictObject({
  /** Absent for a new round (the server gives it the next free `r<n>`). */
  key: z.string().regex(/^r[0-9]{1,2}$/).optional(),
  form: z.enum(CONTEST_FORMS),
  kind: z.enum(ROUND_KINDS),
  /** Judges by their opaque key (`userKey`), as `user.listJudges` shows them; each must judge this contest. */
  judges: z.array(userKeySchema).max(30).refine((k) => new Set(k).size === k.length, '同一评委不能重复'),
  quiz: z.strictObject({ questionCount: z.number().int().min(1).max(100), timeLimitSeconds: z.number().int().min(60).max(7200) }).optional(),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const contestSetupSchema = z
  .strictObject({
    /** Absent to create a contest; present to update it. */
    contestId: idSchema.optional(),
    title: z.string().trim().min(2, '请填写标题').max(60),
    year: z.number().int().min(2000).max(2100),
    theme: z.string().trim().min(1, '请填写主题').max(60),
    dimensions: z
      .array(z.strictObject({ key: z.enum(DIMENSION_KEYS), weight: z.number().int().min(0).max(100), maxScore: z.number().int().min(1).max(1000) }))
      .length(DIMENSIONS.length, '六个维度都要设置'),
    rounds: z.array(roundInputSchema).min(1, '至少设置一轮比武').max(10),
    registration: dateWindowSchema,
    scoring: dateWindowSchema,
    vote: z.strictObject({
      start: instant,
      end: instant,
      perDay: z.number().int().min(1).max(50),
      perCandidatePerDay: z.number().int().min(1).max(50),
      weight: z.number().int().min(0).max(100),
    }),
    awards: z
      .array(z.strictObject({ tier: z.string().trim().min(1).max(20), count: z.number().int().min(1).max(50) }))
      .min(1, '至少设置一个奖项')
      .max(10),
    rule: scoringRuleSchema,
  })
  .superRefine((c, ctx) => {
    // Runs even when a field failed its own check: each rule looks only at fields that parsed.
    if (Array.isArray(c.dimensions)) {
      const keys = new Set(c.dimensions.map((d) => d?.key));
      if (keys.size !== DIMENSIONS.length) ctx.addIssue({ code: 'custom', path: ['dimensions'], message: '六个维度各设置一次' });
      if (c.dimensions.reduce((s, d) => s + (Number(d?.weight) || 0), 0) !== 100) ctx.addIssue({ code: 'custom', path: ['dimensions'], message: '各维度权重之和须为 100' });
    }
    if (ms(c.vote?.start) >= ms(c.vote?.end)) ctx.addIssue({ code: 'custom', path: ['vote', 'end'], message: '投票结束时间须晚于开始时间' });
    if (ms(c.registration?.end) > ms(c.scoring?.start)) ctx.addIssue({ code: 'custom', path: ['scoring', 'start'], message: '评分须在报名截止之后开始' });
    if (Array.isArray(c.awards) && new Set(c.awards.map((a) => a?.tier)).size !== c.awards.length) ctx.addIssue({ code: 'custom', path: ['awards'], message: '奖项名称不能重复' });
    const rounds = Array.isArray(c.rounds) ? c.rounds : [];
    const roundKeys = rounds.map((r) => r?.key).filter(Boolean);
    if (new Set(roundKeys).size !== roundKeys.length) ctx.addIssue({ code: 'custom', path: ['rounds'], message: '轮次重复' });
    rounds.forEach((r, i) => {
      if (!r || typeof r !== 'object') return;
      if ((r.form === '知识竞赛') !== (r.kind === 'quiz')) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'kind'], message: '知识竞赛轮次为答题计分，其他轮次为评委打分' });
      if (r.kind === 'quiz' && Array.isArray(r.judges) && r.judges.length) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'judges'], message: '知识竞赛轮次不设评委' });
      if (r.kind === 'quiz' && !r.quiz) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'quiz'], message: '请设置题量和答题时长' });
    });
    if (c.rule?.quizWeight && !rounds.some((r) => r?.kind === 'quiz')) ctx.addIssue({ code: 'custom', path: ['rule', 'quizWeight'], message: '没有知识竞赛轮次时知识竞赛权重须为 0' });
  });
export type ContestSetupInput = z.infer<typeof contestSetupSchema>;

/** A score: at most one decimal place, within 0 and the dimension's maximum (checked against the contest). */
export const scoreValueSchema = z
  .number()
  .min(0)
  .max(1000)
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, '分数最多保留一位小数');

export const scoreInputSchema = z.strictObject({
  contestId: idSchema,
  roundKey: z.string().regex(/^r[0-9]{1,2}$/),
  candidateId: idSchema,
  dimensions: z.partialRecord(z.enum(DIMENSION_KEYS), scoreValueSchema),
  note: z.string().trim().max(200).optional(),
});

/** The dimensions a score is missing or exceeds, as a message per dimension (empty when it is complete and within maxima). */
export function scoreProblems(
  dimensions: Partial<Record<DimensionKey, number>>,
  contestDimensions: readonly { key: DimensionKey; maxScore: number }[],
): { key: DimensionKey; message: string }[] {
  const out: { key: DimensionKey; message: string }[] = [];
  for (const d of contestDimensions) {
    const v = dimensions[d.key];
    if (v === undefined) out.push({ key: d.key, message: '请打分' });
    else if (v > d.maxScore) out.push({ key: d.key, message: `不能超过满分 ${d.maxScore} 分` });
  }
  return out;
}
