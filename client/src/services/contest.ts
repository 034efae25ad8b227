import type { DimensionKey, Envelope, ScoringRule } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** A contest as residents see it (`contest.list`, docs/api.md): the rule and the window, no scores. */
export interface PublicContest {
  _id: string;
  title: string;
  year: number;
  theme: string;
  status: string;
  forms: string[];
  /** The judged dimensions with their weight (percent of the total) and maximum score. */
  dimensions: { key: DimensionKey; weight: number; maxScore: number }[];
  scoringRule: string;
  /** The structured rule, the rounds (no judges) and the registration / scoring windows (issue 10). */
  rule?: ScoringRule;
  rounds?: { key: string; form: string; kind: 'scored' | 'quiz'; locked: boolean }[];
  registration?: { start: string; end: string } | null;
  scoring?: { start: string; end: string } | null;
  awards: { tier: string; count: number }[];
  votingOpen: boolean;
  voteRule: { perDay: number; perCandidatePerDay: number };
  voteStart: string;
  voteEnd: string;
}

export interface Candidate {
  _id: string;
  name: string;
  community: string;
  street: string;
  secretaryId: string;
  showcaseId: string | null;
  photoFileId: string | null;
  photoUrl: string | null;
}

export const contestList = (): Promise<Envelope<{ items: PublicContest[] }>> =>
  callFunction<{ items: PublicContest[] }>('contest', { action: 'list' });

export const contestCandidates = (contestId: string): Promise<Envelope<{ items: Candidate[] }>> =>
  callFunction<{ items: Candidate[] }>('contest', { action: 'candidates', contestId });

/**
 * The contest the 投票 tab should open next. `switchTab` cannot carry a query, so a page that sends the visitor
 * there (home, showcase) names the contest here first; the tab falls back to the open contest.
 */
let preferredContestId: string | null = null;

export function setPreferredContest(contestId: string): void {
  preferredContestId = contestId;
}

export function takePreferredContest(): string | null {
  const id = preferredContestId;
  preferredContestId = null;
  return id;
}
