import { recommendationId, RESERVE_SOURCES, RESERVE_STAGES, STREETS, type BatchDoc, type RecommendationDoc, type ReserveDoc, type SecondmentReportDoc, type StageChange, type StudioDoc, type TalentPerson } from '@yanzhen/domain';
import { SECRETARIES } from './people';

/**
 * Demo data of 人才培育: reserves in every street and stage, three studios with activities, and the two past
 * secondment batches of the report (6 + 6 = 12 secretaries, one per street, each paired with a mentor), plus
 * a third batch just opened for recommendations. Invented people; the secretaries are those of people.ts.
 */
type Put = (collection: string, docs: { _id: string }[]) => Promise<void>;

const person = (id: string): TalentPerson => {
  const s = SECRETARIES.find((x) => x._id === id);
  if (!s) throw new Error(`no seed secretary ${id}`);
  return { secretaryId: s._id, name: s.name, community: s.community, street: s.street };
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭', '林', '何'];
const GIVEN = ['思雨', '晓东', '佳怡', '志远', '雪梅', '宇航', '欣然', '立伟', '婷婷', '文博', '海波', '静雯', '子涵', '国庆', '梦琪', '建华', '雅婷'];
const RESERVE_COMMUNITIES = ['东苑', '西苑', '南山', '北辰', '和谐', '幸福'];

function reserves(now: Date): ReserveDoc[] {
  return STREETS.flatMap((street, i) =>
    [0, 1, 2].map((k): ReserveDoc => {
      const n = i * 3 + k;
      const stage = RESERVE_STAGES[(i + k) % 3];
      const steps = RESERVE_STAGES.slice(0, RESERVE_STAGES.indexOf(stage) + 1);
      const year = 2023 + k;
      const history: StageChange[] = steps.map((to, s) => ({
        from: s === 0 ? null : steps[s - 1],
        to,
        reason: s === 0 ? '纳入后备力量' : s === 1 ? '年度考核优秀，可担任两委成员' : '组织协调能力突出，具备主职条件',
        date: `${year + s}-0${3 + s}-15`,
        at: new Date(`${year + s}-0${3 + s}-15T02:00:00Z`),
      }));
      return {
        _id: `rsv-seed-${String(n + 1).padStart(2, '0')}`,
        name: `${SURNAMES[(n * 7) % SURNAMES.length]}${GIVEN[(n * 5 + 3) % GIVEN.length]}`,
        street,
        community: `${street}${RESERVE_COMMUNITIES[n % RESERVE_COMMUNITIES.length]}社区`,
        source: RESERVE_SOURCES[n % 3 === 2 ? 1 : n % 2],
        stage,
        stageSince: history[history.length - 1].date,
        note: '',
        history,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}

function studios(now: Date): StudioDoc[] {
  const studio = (id: string, name: string, leader: string, members: string[], intro: string, activities: StudioDoc['activities']): StudioDoc => ({ _id: id, name, intro, leader: person(leader), members: members.map(person), activities, createdAt: now, updatedAt: now });
  return [
    studio('studio-zheng', '郑晓梅书记工作室', 'sec-01', ['sec-03', 'sec-06', 'sec-09'], '聚焦老旧小区治理和红色物业建设，带领年轻书记“书记跟着书记学、书记跟着书记干”。', [
      { id: 'act-z1', kind: '研讨', title: '老旧小区停车难专题研讨', date: '2026-03-12', summary: '围绕错时停车、共享车位交流做法，形成三条可复制经验。' },
      { id: 'act-z2', kind: '挂职实训', title: '第一批挂职书记跟岗实训', date: '2026-04-08', summary: '挂职书记全程参与一次居民议事会，从议题征集到结果公示。' },
      { id: 'act-z3', kind: '经验分享', title: '红色物业“三方联动”经验分享', date: '2026-09-20', summary: '社区、业委会、物业三方例会制度的建立和运行。' },
    ]),
    studio('studio-zhang', '张海燕书记工作室', 'sec-04', ['sec-02', 'sec-08'], '以网格化治理为特色，探索专职网格员成长为社区工作骨干的路径。', [
      { id: 'act-h1', kind: '经验分享', title: '网格员“一日工作法”分享', date: '2026-05-16', summary: '网格走访、问题上报、闭环反馈的一天。' },
      { id: 'act-h2', kind: '研讨', title: '新业态新就业群体党建研讨', date: '2026-10-11', summary: '外卖、快递小哥驿站建设与服务的做法交流。' },
    ]),
    studio('studio-zhou', '周慧敏书记工作室', 'sec-10', ['sec-11', 'sec-12', 'sec-14'], '专注阵地打造和社区服务项目化，带教新建社区书记。', [
      { id: 'act-m1', kind: '挂职实训', title: '新建社区阵地规划实训', date: '2026-08-02', summary: '挂职书记参与党群服务中心功能分区设计。' },
      { id: 'act-m2', kind: '研讨', title: '社区服务项目化研讨', date: '2026-10-25', summary: '从居民需求清单到服务项目清单。' },
    ]),
  ];
}

interface PastBatch {
  id: string;
  title: string;
  /** [seconded, mentor] secretary ids. */
  pairs: [string, string][];
  opened: string;
  kickoff: string;
  summaryDay: string;
  summary: string;
}

const PAST: PastBatch[] = [
  {
    id: 'batch-2026-1', title: '2026年第一批区内挂职交流', opened: '2026-02-20', kickoff: '2026-03-05', summaryDay: '2026-06-24',
    pairs: [['sec-03', 'sec-01'], ['sec-06', 'sec-04'], ['sec-09', 'sec-07'], ['sec-12', 'sec-10'], ['sec-15', 'sec-13'], ['sec-17', 'sec-16']],
    summary: '6名挂职书记在结对社区跟岗三个月，学理念思维、学体制机制、学治理路径、学服务本领、学务实作风；带教书记以“浸入式教学”手把手帮带。',
  },
  {
    id: 'batch-2026-2', title: '2026年第二批区内挂职交流', opened: '2026-07-01', kickoff: '2026-07-15', summaryDay: '2026-10-28',
    pairs: [['sec-02', 'sec-01'], ['sec-05', 'sec-04'], ['sec-08', 'sec-07'], ['sec-11', 'sec-10'], ['sec-14', 'sec-13'], ['sec-16', 'sec-03']],
    summary: '第二批挂职交流聚焦网格化治理和红色物业建设，第一批挂职书记中的优秀者首次担任带教书记，实现“以教促学”。',
  },
];

const at = (day: string) => new Date(`${day}T02:00:00Z`);

function pastBatches(): { batches: BatchDoc[]; recs: RecommendationDoc[]; reports: SecondmentReportDoc[] } {
  const batches: BatchDoc[] = [];
  const recs: RecommendationDoc[] = [];
  const reports: SecondmentReportDoc[] = [];
  for (const b of PAST) {
    const streets = b.pairs.map(([s]) => person(s).street as BatchDoc['streets'][number]);
    batches.push({
      _id: b.id, title: b.title, streets, status: 'closed',
      kickoff: { date: b.kickoff, place: '区委党校报告厅', notes: '动员部署，宣读结对名单，挂职书记与带教书记见面。' },
      summaryMeeting: { date: b.summaryDay, place: '区委组织部会议室', notes: '挂职书记交流收获，带教书记点评，街道谈下一步打算。' },
      summary: b.summary, openedAt: at(b.opened), closedAt: at(b.summaryDay),
    });
    b.pairs.forEach(([secondedId, mentorId], i) => {
      const s = person(secondedId);
      const mentor = person(mentorId);
      const street = streets[i];
      const id = recommendationId(b.id, street);
      recs.push({ _id: id, batchId: b.id, street, secretaryId: s.secretaryId, name: s.name, community: s.community, reason: i % 2 ? '工作相对薄弱社区' : '新建社区', wishes: [mentor.community], mentor, wishRank: 0, createdAt: at(b.opened), updatedAt: at(b.kickoff) });
      ['第一个月', '第二个月'].forEach((period, k) => {
        reports.push({
          _id: `report-${id}-${k + 1}`, recommendationId: id, batchId: b.id, secretaryId: s.secretaryId, mentorId: mentor.secretaryId, period,
          text: k === 0 ? `跟岗参加${mentor.community}的居民议事会和网格例会，学习议题征集和办理反馈的做法。` : '牵头组织一次楼道议事，对照带教社区的做法梳理本社区的三项改进措施。',
          filedAt: new Date(at(b.kickoff).getTime() + (k + 1) * 30 * 86_400_000),
          comment: { text: k === 0 ? '上手很快，议题提炼还可以更聚焦。' : '措施具体可行，回去后要抓好落实。', at: new Date(at(b.kickoff).getTime() + ((k + 1) * 30 + 2) * 86_400_000) },
        });
      });
    });
  }
  return { batches, recs, reports };
}

export async function seedTalent(put: Put, now: Date): Promise<string> {
  const past = pastBatches();
  const open: BatchDoc = { _id: 'batch-2026-3', title: '2026年第三批区内挂职交流', streets: ['四里村', '魏家庄', '二七新村', '七里山', '舜玉路', '党家'], status: 'recommending', kickoff: null, summaryMeeting: null, summary: null, openedAt: new Date(now.getTime() - 3 * 86_400_000), closedAt: null };
  const rs = reserves(now);
  const ss = studios(now);
  await Promise.all([
    put('talentReserves', rs),
    put('studios', ss),
    put('secondmentBatches', [...past.batches, open]),
    put('secondmentRecommendations', past.recs),
    put('secondmentReports', past.reports),
  ]);
  return `${rs.length} reserves, ${ss.length} studios, ${past.batches.length + 1} secondment batches (${past.recs.length} secretaries seconded)`;
}
