import type { ContestForm, DimensionKey, Envelope, RoundKind, ScoringRule } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** Contest set-up (admin) and judging (judge): the `contest` actions of docs/api.md, "set-up and judging". */

export interface ContestDimension {
  key: DimensionKey;
  weight: number;
  maxScore: number;
}

export interface SetupRound {
  key?: string;
  form: ContestForm;
  kind: RoundKind;
  judges: string[];
  locked?: boolean;
  quiz?: { questionCount: number; timeLimitSeconds: number };
}

export interface Window {
  start: string;
  end: string;
}

export interface SetupContest {
  _id: string;
  title: string;
  year: number;
  theme: string;
  status: string;
  dimensions: ContestDimension[];
  rounds: (SetupRound & { key: string; locked: boolean; lockedAt?: string })[];
  registration: Window | null;
  scoring: Window | null;
  vote: Window & { perDay: number; perCandidatePerDay: number; weight: number };
  awards: { tier: string; count: number }[];
  rule: ScoringRule;
  ruleText: string;
  ruleFixed: boolean;
  published: boolean;
}

export interface SetupData {
  contest: SetupContest;
  judges: { judgeKey: string; street: string | null; competing: boolean }[];
  scoresByRound: Record<string, number>;
}

export interface SetupInput {
  contestId?: string;
  title: string;
  year: number;
  theme: string;
  dimensions: ContestDimension[];
  rounds: SetupRound[];
  registration: Window;
  scoring: Window;
  vote: Window & { perDay: number; perCandidatePerDay: number; weight: number };
  awards: { tier: string; count: number }[];
  rule: ScoringRule;
}

export const setupGet = (contestId: string): Promise<Envelope<SetupData>> => callFunction('contest', { action: 'setupGet', contestId });
export const setupSave = (input: SetupInput): Promise<Envelope<{ contestId: string; created: boolean }>> => callFunction('contest', { action: 'setupSave', ...input });
export const lockRound = (contestId: string, roundKey: string): Promise<Envelope<{ locked: true }>> => callFunction('contest', { action: 'lockRound', contestId, roundKey });

export interface JudgeRound {
  contestId: string;
  contestTitle: string;
  roundKey: string;
  form: string;
  locked: boolean;
  scoringStart: string | null;
  scoringEnd: string | null;
  contestants: number;
  scoredByMe: number;
}

export type Recusal = 'same-street' | 'declared' | null;

export interface JudgeContestant {
  candidateId: string;
  name: string;
  community: string;
  street: string;
  projectTitle: string | null;
  summary: string | null;
  recusal: Recusal;
  myScore: { dimensions: Partial<Record<DimensionKey, number>>; note: string | null; updatedAt: string } | null;
}

export interface JudgeRoundView {
  contest: { _id: string; title: string; dimensions: ContestDimension[] };
  round: { key: string; form: string; locked: boolean; lockedAt: string | null };
  scoringOpen: boolean;
  scoringStart: string | null;
  scoringEnd: string | null;
  items: JudgeContestant[];
}

export const judgeRounds = (): Promise<Envelope<{ items: JudgeRound[] }>> => callFunction('contest', { action: 'judgeRounds' });
export const judgeContestants = (contestId: string, roundKey: string): Promise<Envelope<JudgeRoundView>> => callFunction('contest', { action: 'judgeContestants', contestId, roundKey });

export function submitScore(contestId: string, roundKey: string, candidateId: string, dimensions: Partial<Record<DimensionKey, number>>, note: string): Promise<Envelope<{ updatedAt: string }>> {
  return callFunction('contest', { action: 'submitScore', contestId, roundKey, candidateId, dimensions, ...(note.trim() ? { note: note.trim() } : {}) });
}

export function declareConflict(contestId: string, candidateId: string, note: string): Promise<Envelope<{ recused: true }>> {
  return callFunction('contest', { action: 'declareConflict', contestId, candidateId, ...(note.trim() ? { note: note.trim() } : {}) });
}
