import type { Envelope } from '@yanzhen/domain';
import { callFunction } from './cloud';
import type { PublicContest } from './contest';
import type { ShowcaseCard } from './showcase';

export interface NextSalon {
  _id: string;
  title: string;
  topic: string;
  /** The salon's headline (topic is its category). */
  theme?: string;
  place?: string;
  date: string;
  hostStreet: string;
  departments: string[];
  status: string;
}

/** Everything the home page's first screen shows, from one call (`home.firstScreen`, docs/api.md). */
export interface FirstScreen {
  featured: ShowcaseCard[];
  votingContests: PublicContest[];
  nextSalon: NextSalon | null;
  serverTime: string;
  votesResetAt: string;
}

export const homeFirstScreen = (): Promise<Envelope<FirstScreen>> => callFunction<FirstScreen>('home', { action: 'firstScreen' });
