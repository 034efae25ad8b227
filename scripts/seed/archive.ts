import {
  rosterId, STREETS, type ArchiveEntry, type EntryKind, type PersonFileDoc, type RosterChange, type RosterDoc, type RosterMember, type RosterPost,
} from '@yanzhen/domain';
import type { Db } from '../../cloudfunctions/shared/db-types';
import { SECRETARIES } from './people';

/**
 * Demo archive: a person file for each of the 17 secretaries (invented entries) and a roster per street with
 * its "两委" and a few changes. Private fields are invented AND obviously fake — phones 1990000xxxx, ID numbers
 * born 1900-01-01, addresses marked 虚构 — so nobody mistakes demo data for a real person's.
 */
export const fakePhone = (i: number): string => `1990000${String(i + 1).padStart(4, '0')}`;
export const fakeIdNumber = (i: number): string => `37010319000101${String(i + 1).padStart(3, '0')}X`;
export const fakeAddress = (i: number): string => `济南市市中区示例路${i + 1}号（虚构地址）`;

const EDUCATION = ['本科', '大专', '本科', '硕士研究生', '本科', '大专'] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['红霞', '建华', '丽娟', '志刚', '秀兰', '海涛', '春梅', '立军', '晓燕', '振宇', '桂芝', '明亮', '玉洁', '国庆', '雪梅', '德胜'];
const EXTRA_COMMUNITIES = ['文化里', '南郊', '青龙', '英雄山', '民生', '建设', '顺河', '纬一路'];

const name = (n: number): string => `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + 3) % GIVEN.length]}`;

function entries(i: number, since: number, now: Date): ArchiveEntry[] {
  const e = (n: number, kind: EntryKind, date: string, title: string, source: string, detail = ''): ArchiveEntry =>
    ({ id: `seed-${String(i + 1).padStart(2, '0')}-${n}`, kind, date, title, source, detail, recordedAt: now, origin: 'admin' });
  const list = [
    e(1, 'education', `${since - 6}-07-01`, `${EDUCATION[i % EDUCATION.length]}毕业`, '本人学历证书'),
    e(2, 'training', '2023-04-18', '全区社区党组织书记示范培训班（第一期）', '区委组织部', '为期 5 天，结业考核合格'),
    e(3, 'practice', '2023-09-04', '赴兄弟社区跟班学习一个月', '区委组织部', '区内挂职交流'),
    e(4, 'work', '2024-06-30', ['牵头完成老旧小区加装电梯 3 部', '建成社区“红色物业”议事厅', '网格化治理覆盖全部楼院'][i % 3], '街道党工委'),
    e(5, 'assessment', '2024-01-15', `2023 年度考核：${i % 4 === 0 ? '优秀' : '称职'}`, '街道党工委'),
  ];
  if (i % 3 === 0) list.push(e(6, 'reward', '2023-07-01', '全区优秀社区党组织书记', '中共济南市市中区委员会'));
  if (i % 2 === 0) list.push(e(7, 'training', '2024-05-22', '城市基层治理专题研讨班', '市委组织部'));
  return list;
}

export function seedPersonFiles(now: Date): PersonFileDoc[] {
  return SECRETARIES.map((s, i) => ({
    _id: s._id,
    secretaryId: s._id,
    name: s.name,
    gender: s.gender,
    birth: `${1972 + (i % 15)}-${String((i % 12) + 1).padStart(2, '0')}`,
    street: STREETS[i],
    community: s.community,
    post: '党组织书记、居委会主任',
    education: EDUCATION[i % EDUCATION.length],
    phone: fakePhone(i),
    idNumber: fakeIdNumber(i),
    address: fakeAddress(i),
    entries: entries(i, s.since, now),
    createdAt: now,
    updatedAt: now,
  }));
}

const POSTS_BESIDE_SECRETARY: RosterPost[] = ['党组织副书记', '党组织委员', '居委会副主任', '居委会委员'];

export function seedRosters(now: Date): RosterDoc[] {
  let n = 0;
  return SECRETARIES.map((s, i) => {
    const street = STREETS[i];
    const communities = [s.community, `${EXTRA_COMMUNITIES[i % EXTRA_COMMUNITIES.length]}社区`];
    const members: RosterMember[] = [];
    const history: RosterChange[] = [];
    const join = (community: string, who: string, post: RosterPost, since: string, fileId: string | null) => {
      const id = `seed-${rosterId(street)}-${members.length + history.length}`;
      members.push({ id, community, name: who, post, since, fileId });
      history.push({ id, date: since, community, name: who, post, change: 'join', reason: '2021 年社区“两委”换届选举', recordedAt: now });
    };
    join(s.community, s.name, '党组织书记', '2021-05-08', s._id);
    join(s.community, s.name, '居委会主任', '2021-05-08', s._id);
    for (const community of communities) {
      if (community !== s.community) join(community, name(n++), '党组织书记', '2021-05-08', null);
      for (const post of POSTS_BESIDE_SECRETARY) join(community, name(n++), post, '2021-05-08', null);
    }
    // Some history: a member left and someone was elected in their place (补选).
    if (i % 2 === 0) {
      const leaving = members.findIndex((m) => m.post === '居委会委员');
      const gone = members.splice(leaving, 1)[0];
      history.push({ id: `seed-${rosterId(street)}-leave`, date: '2023-03-20', community: gone.community, name: gone.name, post: gone.post, change: 'leave', reason: '工作调动', recordedAt: now });
      const id = `seed-${rosterId(street)}-by`;
      const successor = name(n++);
      members.push({ id, community: gone.community, name: successor, post: gone.post, since: '2023-04-12', fileId: null });
      history.push({ id, date: '2023-04-12', community: gone.community, name: successor, post: gone.post, change: 'join', reason: '居民代表会议补选', recordedAt: now });
    }
    return { _id: rosterId(street), street, communities, members, history, importJobs: [], updatedAt: now };
  });
}

/** Upserts (`set`) so that seeding twice leaves one copy. */
export async function seedArchive(db: Db, now: Date): Promise<string> {
  const files = seedPersonFiles(now);
  const rosters = seedRosters(now);
  await Promise.all([
    ...files.map(({ _id, ...data }) => db.collection('personFiles').doc(_id).set({ data })),
    ...rosters.map(({ _id, ...data }) => db.collection('rosters').doc(_id).set({ data })),
  ]);
  return `${files.length} person files, ${rosters.length} street rosters`;
}
