import type { AwardResult, DimensionKey, Envelope, ScoringRule } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** `contest.results` (docs/api.md, CONTRACT): before publication `published: false` and empty lists. */
export interface ContestResults {
  published: boolean;
  rule: ScoringRule;
  awards: AwardResult[];
  ranking: { candidateId: string; name: string; total: number; dimensions: Record<DimensionKey, number> }[];
}

/** `contest.resultsSheets`: the judges' sheets, only when the admin published them. */
export interface ResultSheets {
  published: boolean;
  sheetsPublic: boolean;
  publishedAt: string | null;
  ruleText: string | null;
  sheets: { label: string; rows: { roundKey: string; form: string; candidateId: string; name: string; recused: boolean; dimensions: Partial<Record<DimensionKey, number>> }[] }[];
}

/** `contest.resultsCheck` (admin). */
export interface PublishCheck {
  contestId: string;
  title: string;
  published: boolean;
  publishedAt: string | null;
  sheetsPublic: boolean;
  ready: boolean;
  problems: string[];
  rounds: { key: string; form: string; kind: 'scored' | 'quiz'; locked: boolean; judges: number; scores: number }[];
  contestants: number;
  recusals: number;
  preview: { awards: AwardResult[]; ranking: { candidateId: string; name: string; place: number; total: number }[] };
}

export interface ResultsFile {
  fileID: string;
  tempFileURL: string;
  fileName: string;
  rows: number;
  bytes: number;
}

export const contestResults = (contestId: string): Promise<Envelope<ContestResults>> => callFunction('contest', { action: 'results', contestId });
export const resultSheets = (contestId: string): Promise<Envelope<ResultSheets>> => callFunction('contest', { action: 'resultsSheets', contestId });
export const publishCheck = (contestId: string): Promise<Envelope<PublishCheck>> => callFunction('contest', { action: 'resultsCheck', contestId });
export const publishResults = (contestId: string, sheetsPublic: boolean): Promise<Envelope<{ publishedAt: string; awards: AwardResult[] }>> =>
  callFunction('contest', { action: 'publish', contestId, sheetsPublic });
export const exportResults = (contestId: string): Promise<Envelope<ResultsFile>> => callFunction('contest', { action: 'resultsExport', contestId });
