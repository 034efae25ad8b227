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
