import { DIMENSIONS, type ContestDoc } from '@yanzhen/domain';

const DAY = 86_400_000;

/** The contest whose public voting is open on the day `npm start` runs: 3 votes a day, 1 per candidate. */
export function currentContest(now: Date): ContestDoc {
  return {
    _id: 'contest-current',
    title: `${now.getFullYear()}年社区书记大比武`,
    year: now.getFullYear(),
    theme: '我们的红色幸福家园',
    status: 'judging',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: 100 })),
    forms: ['现场述职', '实地观摩', '互动交流', '智慧交锋'],
    vote: { start: new Date(now.getTime() - 3 * DAY), end: new Date(now.getTime() + 14 * DAY), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    scoringRule: '每个维度去掉一个最高分和一个最低分后取平均分，按权重折算；总分相同时以“组织建设”得分高者列前。',
    awards: [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
      { tier: '三等奖', count: 3 },
    ],
    createdAt: new Date(now.getTime() - 30 * DAY),
  };
}

/** The 2023 edition from the report, results published. */
export function contest2023(): ContestDoc {
  return {
    _id: 'contest-2023',
    title: '2023年社区书记大比武',
    year: 2023,
    theme: '我们的红色幸福家园',
    status: 'published',
    dimensions: DIMENSIONS.map((d, i) => ({ key: d.key, weight: i < 2 ? 20 : 15, maxScore: 100 })),
    forms: ['现场述职', '实地观摩', '互动交流', '智慧交锋', '登台打擂'],
    vote: { start: new Date('2023-09-01T00:00:00+08:00'), end: new Date('2023-09-15T00:00:00+08:00'), perDay: 3, perCandidatePerDay: 1, weight: 0 },
    scoringRule: '每个维度去掉一个最高分和一个最低分后取平均分，按权重折算。',
    awards: [
      { tier: '一等奖', count: 1 },
      { tier: '二等奖', count: 2 },
      { tier: '三等奖', count: 3 },
    ],
    createdAt: new Date('2023-08-01T00:00:00+08:00'),
  };
}

export interface SeedSalon {
  _id: string;
  title: string;
  topic: string;
  date: Date;
  hostStreet: string;
  departments: string[];
  status: 'upcoming' | 'done';
}

/** Monthly salons hosted by streets in rotation (轮值主席制): three past ones and the next one. */
export function salons(now: Date): SeedSalon[] {
  const topics = [
    ['老旧小区停车难怎么破', ['区住建局', '交警大队']],
    ['红色物业：物业服务怎样让居民满意', ['区住建局', '区城管局']],
    ['汛期排水与社区应急', ['区水务局', '区城管局']],
    ['新就业群体融入社区治理', ['区委社会工作部', '区人社局']],
  ] as const;
  return topics.map(([topic, departments], i) => {
    const monthsAgo = 3 - i;
    const date = new Date(now.getTime() - monthsAgo * 30 * DAY + (monthsAgo === 0 ? 9 * DAY : 0));
    date.setUTCHours(6, 30, 0, 0); // salons start at 14:30 China time
    return {
      _id: `salon-${i + 1}`,
      title: `第${i + 12}期社区书记沙龙`,
      topic,
      date,
      hostStreet: ['四里村', '魏家庄', '二七新村', '七里山'][i],
      departments: [...departments],
      status: monthsAgo === 0 ? 'upcoming' : 'done',
    };
  });
}
