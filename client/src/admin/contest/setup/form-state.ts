import { CONTEST_FORMS, DEFAULT_SCORING_RULE, DIMENSIONS, inChina, type ContestForm, type ScoringRule } from '@yanzhen/domain';
import type { SetupContest, SetupInput, SetupRound } from '../../../services/judging';

/**
 * The set-up form's state: numbers and dates as the text the admin types (dates in China time,
 * `2026-12-19 09:00`), turned into the `setupSave` input on submit. Validation beyond "is it a number / a date"
 * is the function's (domain contestSetupSchema), whose message the form shows.
 */
export interface FormState {
  contestId?: string;
  title: string;
  year: string;
  theme: string;
  dimensions: { key: (typeof DIMENSIONS)[number]['key']; weight: string; maxScore: string }[];
  rounds: SetupRound[];
  windows: Record<WindowKey, { start: string; end: string }>;
  perDay: string;
  perCandidatePerDay: string;
  voteWeight: string;
  awards: { tier: string; count: string }[];
  rule: ScoringRule;
}

export type WindowKey = 'registration' | 'scoring' | 'vote';
export const WINDOW_LABELS: Record<WindowKey, string> = { registration: '报名时间', scoring: '评分时间', vote: '网络投票时间' };

const DAY = 86_400_000;
export const chinaText = (at: string | Date): string => inChina(at).format('YYYY-MM-DD HH:mm');

/** `2026-12-19 09:00` (China time) as an ISO instant, or null when it is not such a date. */
export function instantOf(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, '0');
  const d = new Date(`${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4] ?? '0')}:${m[5] ?? '00'}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A new contest: the 2023 edition's dimensions, rounds and prizes, windows over the coming weeks. */
export function blankForm(now = new Date()): FormState {
  const at = (days: number) => chinaText(new Date(now.getTime() + days * DAY));
  return {
    title: `${now.getFullYear()}年社区书记大比武`,
    year: String(now.getFullYear()),
    theme: '我们的红色幸福家园',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: String(i < 2 ? 20 : 15), maxScore: '100' })),
    rounds: (['现场述职', '实地观摩', '互动交流'] as ContestForm[]).map((form) => ({ form, kind: 'scored', judges: [] })),
    windows: { registration: { start: at(0), end: at(14) }, scoring: { start: at(15), end: at(30) }, vote: { start: at(15), end: at(30) } },
    perDay: '3',
    perCandidatePerDay: '1',
    voteWeight: '0',
    awards: [
      { tier: '一等奖', count: '1' },
      { tier: '二等奖', count: '2' },
      { tier: '三等奖', count: '3' },
    ],
    rule: DEFAULT_SCORING_RULE,
  };
}

export function formOf(c: SetupContest): FormState {
  const blank = blankForm();
  const win = (w: { start: string; end: string } | null, fallback: { start: string; end: string }) => (w ? { start: chinaText(w.start), end: chinaText(w.end) } : fallback);
  return {
    contestId: c._id,
    title: c.title,
    year: String(c.year),
    theme: c.theme,
    dimensions: DIMENSIONS.map((d) => {
      const found = c.dimensions.find((x) => x.key === d.key);
      return { key: d.key, weight: String(found?.weight ?? 0), maxScore: String(found?.maxScore ?? 100) };
    }),
    rounds: c.rounds.map((r) => ({ key: r.key, form: r.form, kind: r.kind, judges: r.judges, locked: r.locked, ...(r.quiz ? { quiz: r.quiz } : {}) })),
    windows: { registration: win(c.registration, blank.windows.registration), scoring: win(c.scoring, blank.windows.scoring), vote: win(c.vote, blank.windows.vote) },
    perDay: String(c.vote.perDay),
    perCandidatePerDay: String(c.vote.perCandidatePerDay),
    voteWeight: String(c.vote.weight),
    awards: c.awards.map((a) => ({ tier: a.tier, count: String(a.count) })),
    rule: c.rule,
  };
}

const int = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** The `setupSave` input, or the first thing that is not a number or a date. */
export function inputOf(f: FormState): { input: SetupInput } | { error: string } {
  const windows = {} as Record<WindowKey, { start: string; end: string }>;
  for (const key of Object.keys(WINDOW_LABELS) as WindowKey[]) {
    const start = instantOf(f.windows[key].start);
    const end = instantOf(f.windows[key].end);
    if (!start || !end) return { error: `${WINDOW_LABELS[key]}请按 2026-12-19 09:00 的格式填写` };
    windows[key] = { start, end };
  }
  const numbers = [f.year, f.perDay, f.perCandidatePerDay, f.voteWeight, ...f.dimensions.flatMap((d) => [d.weight, d.maxScore]), ...f.awards.map((a) => a.count)];
  if (numbers.some((n) => Number.isNaN(int(n)))) return { error: '年份、权重、满分、票数和名额请填写整数' };
  const input: SetupInput = {
    ...(f.contestId ? { contestId: f.contestId } : {}),
    title: f.title.trim(),
    year: int(f.year),
    theme: f.theme.trim(),
    dimensions: f.dimensions.map((d) => ({ key: d.key, weight: int(d.weight), maxScore: int(d.maxScore) })),
    rounds: f.rounds.map((r) => ({ ...(r.key ? { key: r.key } : {}), form: r.form, kind: r.form === '知识竞赛' ? 'quiz' : 'scored', judges: r.form === '知识竞赛' ? [] : r.judges, ...(r.form === '知识竞赛' ? { quiz: r.quiz ?? { questionCount: 20, timeLimitSeconds: 600 } } : {}) })),
    registration: windows.registration,
    scoring: windows.scoring,
    vote: { ...windows.vote, perDay: int(f.perDay), perCandidatePerDay: int(f.perCandidatePerDay), weight: int(f.voteWeight) },
    awards: f.awards.map((a) => ({ tier: a.tier.trim(), count: int(a.count) })),
    rule: f.rule,
  };
  return { input };
}

export const FORM_OPTIONS = CONTEST_FORMS.map((f) => ({ key: f, label: f }));
