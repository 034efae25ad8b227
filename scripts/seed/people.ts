import { STREETS } from '@yanzhen/domain';

/**
 * Invented secretaries, one per street (the 2023 contest had 17 contestants, as many as the streets).
 * Names and communities are made up; streets are Shizhong district's real ones.
 */
const NAMES = [
  '郑晓梅', '王建国', '李秀英', '张海燕', '刘志强', '陈丽华', '杨春生', '赵雅琴', '孙立新',
  '周慧敏', '吴国栋', '徐春燕', '马继红', '朱文涛', '胡玉兰', '郭振华', '何静怡',
];
const COMMUNITIES = [
  '青年东路', '朝阳里', '馆驿街', '泉润花园', '英贤里', '望岳', '玉函', '舜华苑', '银座',
  '阳光新路', '泉景', '白马山东', '七贤庄', '十六里河南', '兴隆山庄', '党家西', '陡沟北',
];
const TIERS = ['头雁', '青雁', '雏雁'] as const;

export interface SeedSecretary {
  _id: string;
  name: string;
  gender: '男' | '女';
  community: string;
  street: string;
  tier: (typeof TIERS)[number];
  since: number;
  phone: string;
  idNumber: string;
}

export const SECRETARIES: SeedSecretary[] = NAMES.map((name, i) => ({
  _id: `sec-${String(i + 1).padStart(2, '0')}`,
  name,
  gender: /梅|英|燕|华|琴|敏|兰|怡|红/.test(name) ? '女' : '男',
  community: `${COMMUNITIES[i]}社区`,
  street: STREETS[i],
  tier: TIERS[i % 3],
  since: 2008 + (i % 12),
  phone: `1380531${String(1000 + i * 37).slice(-4)}`,
  idNumber: `37010319${70 + (i % 20)}0${(i % 9) + 1}1${String(10 + i).slice(-2)}${i % 10}X`,
}));

/** What each secretary is known for: the story told on their showcase. */
export const STORIES: { story: string; achievements: string[]; tags: string[] }[] = SECRETARIES.map((s, i) => {
  const themes = [
    ['组织建设', 'organization', '把社区党委建在网格上，楼栋党小组长每月走访一遍每户。'],
    ['抓班子带队伍', 'team', '“两委”成员每人包联一个难题，每季度在居民议事会上交账。'],
    ['阵地打造', 'position', '把闲置车棚改成党群服务驿站，老人在这里理发、量血压、读报。'],
    ['网格化治理', 'grid', '划细 12 个网格，网格员手机里有每位独居老人的联系卡。'],
    ['红色物业建设', 'property', '推动物业企业成立党支部，停车难、电梯坏在议事会上当场解决。'],
    ['新业态新就业群体党建', 'newGroups', '为外卖骑手和快递小哥设“暖新驿站”，冬天有热水，夏天有凉茶。'],
  ] as const;
  const [a, b] = [themes[i % 6], themes[(i + 2) % 6]];
  return {
    story: `${s.name}自${s.since}年起在${s.community}工作。${a[2]}\n\n在经纬雁阵“六共”模式中，${s.name}与其他街道的书记结对，共话共商、共育共融。${b[2]}\n\n居民说：“有事找${s.name.slice(0, 1)}书记，心里踏实。”`,
    achievements: [`${2019 + (i % 5)}年度区级优秀社区党组织书记`, `牵头完成${a[0]}项目 ${3 + (i % 4)} 个`],
    tags: [a[1], b[1]],
  };
});
