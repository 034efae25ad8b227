import type { Envelope } from '@yanzhen/domain';
import { callFunction } from './cloud';

/** The caller's votes today in one contest (`vote.quota`, docs/api.md). */
export interface VoteQuota {
  votingOpen: boolean;
  remainingToday: number;
  perDay: number;
  perCandidatePerDay: number;
  votedToday: string[];
  /** China-time date YYYY-MM-DD. */
  day: string;
}

export interface Ranking {
  items: { candidateId: string; name: string; votes: number }[];
  updatedAt: string | null;
}

export const castVote = (contestId: string, candidateId: string): Promise<Envelope<{ remainingToday: number }>> =>
  callFunction<{ remainingToday: number }>('vote', { action: 'cast', contestId, candidateId });

export const voteQuota = (contestId: string): Promise<Envelope<VoteQuota>> => callFunction<VoteQuota>('vote', { action: 'quota', contestId });

export const voteRanking = (contestId: string): Promise<Envelope<Ranking>> => callFunction<Ranking>('vote', { action: 'ranking', contestId });
