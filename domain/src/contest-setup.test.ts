import { DEFAULT_SCORING_RULE, DIMENSIONS, scoringRuleText } from './contest';
import { contestSetupSchema, scoreInputSchema, scoreProblems } from './contest-setup';

const dims = DIMENSIONS.map((d) => ({ key: d.key, maxScore: d.key === 'organization' ? 50 : 100 }));
const full = Object.fromEntries(DIMENSIONS.map((d) => [d.key, 40]));

describe('a score', () => {
  it('is complete and within each dimension’s maximum', () => {
    expect(scoreProblems(full, dims)).toEqual([]);
    expect(scoreProblems({ ...full, organization: 50.5 }, dims)).toEqual([{ key: 'organization', message: '不能超过满分 50 分' }]);
    const { grid: _grid, ...partial } = full;
    expect(scoreProblems(partial, dims)).toEqual([{ key: 'grid', message: '请打分' }]);
  });

  it('has at most one decimal place and is not negative', () => {
    const base = { contestId: 'c', roundKey: 'r1', candidateId: 'x' };
    expect(scoreInputSchema.safeParse({ ...base, dimensions: { ...full, team: 85.5 } }).success).toBe(true);
    expect(scoreInputSchema.safeParse({ ...base, dimensions: { ...full, team: 85.25 } }).success).toBe(false);
    expect(scoreInputSchema.safeParse({ ...base, dimensions: { ...full, team: -1 } }).success).toBe(false);
    expect(scoreInputSchema.safeParse({ ...base, dimensions: { ...full, nonsense: 1 } }).success).toBe(false);
  });
});

describe('the rule in words', () => {
  it('states the trimmed mean with its threshold and the tie-break order', () => {
    expect(scoringRuleText({ ...DEFAULT_SCORING_RULE, tieBreak: ['team', 'organization'] })).toBe(
      '每个维度：评委不少于 5 人时去掉一个最高分和一个最低分后取平均分，少于 5 人时取平均分，再按各维度权重折算总分；总分相同时依次比较“抓班子带队伍”、“组织建设”得分，高者列前。回避评委的打分不计入。',
    );
  });

  it('states the plain mean, the quiz share and shared places', () => {
    const text = scoringRuleText({ method: 'mean', trimMinJudges: 5, tieBreak: [], quizWeight: 10 });
    expect(text).toContain('每个维度取全部评委打分的平均分');
    expect(text).toContain('知识竞赛成绩占总分 10%');
    expect(text).toContain('总分相同时名次并列');
  });
});

describe('set-up input', () => {
  it('survives a window field that is not a date without throwing', () => {
    const res = contestSetupSchema.safeParse({ registration: { start: '2026-01-01T00:00:00Z', end: 5 }, scoring: null, vote: 'x', rounds: [null], dimensions: [null] });
    expect(res.success).toBe(false);
  });
});
