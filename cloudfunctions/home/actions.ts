import { nextChinaMidnight, type ContestDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { publicContest } from '../contest/actions';
import { action, type ActionMap } from '../shared/action';
import { _, db } from '../shared/cloud';
import { featured } from '../showcase/public';

/** A salon as stored (collection `salons`). */
interface SalonDoc {
  _id: string;
  title: string;
  topic: string;
  date: Date;
  hostStreet: string;
  departments: string[];
  status: string;
}

const FEATURED_COUNT = 6;

export const homeActions: ActionMap = {
  /**
   * Everything the home page's first screen shows, in one call (three queries run in parallel):
   * featured showcase cards, contests with voting open (end time for the countdown), the next salon.
   */
  firstScreen: action({
    access: 'public',
    input: z.strictObject({}),
    async run(_input, { now }) {
      const [cards, contests, salons] = await Promise.all([
        featured(FEATURED_COUNT),
        db.collection('contests').where({ 'vote.start': _.lte(now), 'vote.end': _.gt(now) }).orderBy('vote.end', 'asc').limit(20).get(),
        db.collection('salons').where({ date: _.gte(now) }).orderBy('date', 'asc').limit(1).get(),
      ]);
      const next = salons.data[0] as SalonDoc | undefined;
      return {
        featured: cards,
        votingContests: (contests.data as ContestDoc[]).map((c) => publicContest(c, now)),
        nextSalon: next
          ? { _id: next._id, title: next.title, topic: next.topic, date: next.date, hostStreet: next.hostStreet, departments: next.departments, status: next.status }
          : null,
        serverTime: now,
        /** When today's votes reset (China midnight), for "明日再投" hints. */
        votesResetAt: nextChinaMidnight(now),
      };
    },
  }),
};
