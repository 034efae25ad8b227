import { createHash } from 'node:crypto';
import { inChina, STREETS, type RotationDoc, type SalonDoc, type SalonTopic, type Street } from '@yanzhen/domain';
import { userKey } from '../../cloudfunctions/shared/user-key';
import { SECRETARIES } from './people';

/**
 * A year of 社区书记沙龙 in rotation order (轮值主席制): eleven past ones, archived, and the next one open for
 * sign-up (demo-secretary, bound to sec-01, has not signed up yet). 泺源 was skipped once, with its reason on
 * record. Ids are `salon-YYYY-MM` (the salon function's own ids; the Q&A seed keys on them).
 */
const DAY = 24 * 60 * 60 * 1000;
const SKIPPED: Street = '泺源';
const SKIP_REASON = '辖区党群服务中心改造施工，当月不具备承办条件，顺延至下一轮';

const PROGRAMME: { topic: SalonTopic; theme: string; departments: string[]; experts: string[] }[] = [
  { topic: '停车管理', theme: '老旧小区停车难怎么破', departments: ['区住建局', '交警大队'], experts: ['山东建筑大学 城市规划专家'] },
  { topic: '物业服务', theme: '红色物业：物业服务怎样让居民满意', departments: ['区住建局', '区城管局'], experts: [] },
  { topic: '防汛排水', theme: '汛期排水与社区应急', departments: ['区水务局', '区城管局'], experts: ['市防汛抗旱指挥部 技术顾问'] },
  { topic: '老旧小区改造', theme: '改造前后，怎样把居民意见听进来', departments: ['区住建局'], experts: [] },
  { topic: '养老服务', theme: '社区食堂与居家养老', departments: ['区民政局'], experts: ['养老服务行业协会 专家'] },
  { topic: '垃圾分类', theme: '垃圾分类的“最后一米”', departments: ['区城管局'], experts: [] },
  { topic: '矛盾调解', theme: '邻里纠纷化解在楼栋', departments: ['区委社会工作部'], experts: ['人民调解员'] },
  { topic: '停车管理', theme: '错时共享停车位的经验', departments: ['交警大队', '区城管局'], experts: [] },
  { topic: '文明创建', theme: '文明城市创建常态化', departments: ['区城管局'], experts: [] },
  { topic: '物业服务', theme: '无物业小区怎样管起来', departments: ['区住建局'], experts: [] },
  { topic: '防汛排水', theme: '雨污分流改造中的群众工作', departments: ['区水务局'], experts: [] },
  { topic: '新就业群体', theme: '新就业群体融入社区治理', departments: ['区委社会工作部', '区人社局'], experts: ['快递行业党委 负责人'] },
];

const CASES = ['楼道微议事会', '共享车位认领', '网格员包楼到户', '居民议事厅', '党员中心户', '物业联席会议', '志愿服务积分'];

/** Salons start on the 19th at 14:30 China time (the first one was on 19 July). */
function salonDate(monthStart: ReturnType<typeof inChina>): Date {
  return monthStart.date(19).hour(14).minute(30).second(0).millisecond(0).toDate();
}

/** The next salon is the first 19th at least two days ahead; the eleven months before it are the past ones. */
function months(now: Date): Date[] {
  let month = inChina(now).startOf('month');
  if (salonDate(month).getTime() < now.getTime() + 2 * DAY) month = month.add(1, 'month');
  return Array.from({ length: PROGRAMME.length }, (_x, i) => salonDate(month.subtract(PROGRAMME.length - 1 - i, 'month')));
}

const secretaryOf = (street: Street) => SECRETARIES.find((s) => s.street === street) ?? SECRETARIES[0];
const secret = (id: string) => createHash('sha256').update(`yanzhen:seed:checkin:${id}`).digest('base64url');

export function seedSalons(now: Date): { salons: SalonDoc[]; rotation: RotationDoc } {
  const hosts = STREETS.filter((s) => s !== SKIPPED).slice(0, PROGRAMME.length);
  const dates = months(now);
  const salons = PROGRAMME.map((p, i): SalonDoc => {
    const date = dates[i];
    const host = hosts[i];
    const past = i < PROGRAMME.length - 1;
    const id = `salon-${inChina(date).format('YYYY-MM')}`;
    const presenterCount = i === 0 ? 6 : 3 + (i % 3);
    const presenters = [secretaryOf(host), ...SECRETARIES.filter((s) => s.street !== host && s._id !== 'sec-01').slice(i % 10, (i % 10) + presenterCount - 1)].map((s, n) => ({
      secretaryId: s._id,
      name: s.name,
      community: s.community,
      caseTitle: `${s.community}：${CASES[(i + n) % CASES.length]}`,
    }));
    // Past salons: the presenters and a few others came and checked in; the next one has a few sign-ups already.
    const accepted = past ? [...new Set([...presenters.map((s) => s.secretaryId), 'sec-01', 'sec-10', 'sec-12'])] : presenters.map((s) => s.secretaryId).filter((x) => x !== 'sec-01');
    const street = STREETS.indexOf(host);
    const capacity = 40;
    return {
      _id: id,
      title: `第${i + 1}期社区书记沙龙`,
      topic: p.topic,
      theme: p.theme,
      date,
      place: `${host}街道党群服务中心`,
      location: { type: 'Point', coordinates: [116.95 + (street % 6) * 0.012, 36.58 + Math.floor(street / 6) * 0.02] },
      hostStreet: host,
      presenters,
      departments: p.departments,
      experts: p.experts,
      capacity,
      signupOpensAt: past ? new Date(date.getTime() - 14 * DAY) : inChina(now).subtract(3, 'day').startOf('day').hour(9).toDate(),
      signupClosesAt: new Date(date.getTime() - DAY),
      status: past ? 'archived' : 'planned',
      seatsLeft: capacity - accepted.length,
      accepted,
      waiting: [],
      checkedIn: past ? accepted.filter((_x, n) => n % 5 !== 4) : [],
      checkInSecret: secret(id),
      createdAt: new Date(date.getTime() - 30 * DAY),
      updatedAt: past ? date : now,
    };
  });
  const skipAt = dates[STREETS.indexOf(SKIPPED)] ?? now;
  const rotation: RotationDoc = {
    _id: 'rotation',
    order: [...STREETS],
    nextIndex: (STREETS.indexOf(hosts[hosts.length - 1]) + 1) % STREETS.length,
    nextIssue: PROGRAMME.length + 1,
    skips: [{ street: SKIPPED, reason: SKIP_REASON, at: new Date(skipAt.getTime() - 40 * DAY), by: userKey('demo-admin') }],
    updatedAt: now,
  };
  return { salons, rotation };
}
