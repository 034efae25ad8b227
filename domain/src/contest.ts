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
export type CandidateStatus = 'pending' | 'approved' | 'rejected';

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
}

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
