import { nextChinaMidnight, salonStatus, type ContestDoc, type SalonDoc } from '@yanzhen/domain';
import { z } from 'zod';
import { publicContest } from '../contest/public-contest';
import { action, type ActionMap } from '../shared/action';
import { _, db } from '../shared/cloud';
import { featured } from '../showcase/public';

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
        db
          .collection('salons')
          .where({ date: _.gte(now) })
          .orderBy('date', 'asc')
          .field({ title: true, topic: true, theme: true, date: true, hostStreet: true, place: true, departments: true, status: true, signupOpensAt: true, signupClosesAt: true })
          .limit(1)
          .get(),
      ]);
      const next = salons.data[0] as SalonDoc | undefined;
      return {
        featured: cards,
        votingContests: (contests.data as ContestDoc[]).map((c) => publicContest(c, now)),
        nextSalon: next
          ? { _id: next._id, title: next.title, topic: next.topic, theme: next.theme, date: next.date, hostStreet: next.hostStreet, place: next.place, departments: next.departments, status: salonStatus(next, now) }
          : null,
        serverTime: now,
        /** When today's votes reset (China midnight), for "明日再投" hints. */
        votesResetAt: nextChinaMidnight(now),
      };
    },
  }),
};
