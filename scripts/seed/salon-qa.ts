import { inChina, type DimensionKey, type SalonAnswer, type SalonArchiveDoc, type SalonCommentDoc, type SalonDoc, type SalonQuestionDoc } from '@yanzhen/domain';
import { userKey } from '../../cloudfunctions/shared/user-key';
import { cachedPicture } from './picture-cache';
import { drawScene } from './pictures';
import { SECRETARIES } from './people';

/**
 * 你问我答, department comments, minutes and photos of the archived demo salons (scripts/seed/salons.ts ids).
 * Askers are secretaries who took part; every question has a presenter's answer, the first of each salon was
 * also answered on site; departments comment on the first two cases. Upvotes are stored as vote documents too,
 * so the counts hold when a visitor upvotes.
 */
type Put = (collection: string, docs: { _id: string }[]) => Promise<void>;
type Upload = (cloudPath: string, fileContent: Buffer) => Promise<string>;

const QUESTIONS: Record<string, string[]> = {
  停车管理: ['共享车位晚上被外来车辆占用，社区怎么约束？', '老旧小区能不能划出临时停车位，需要找哪个部门审批？', '电动自行车充电桩建在哪里居民最容易接受？'],
  物业服务: ['物业费收缴率低，红色物业是怎样提高的？', '业委会成立难，社区能做哪些准备工作？', '物业撤场后的过渡期怎样保障基本服务？'],
  防汛排水: ['低洼楼院的排水泵由谁来维护？', '汛期值守名单怎样和网格员衔接？', '地下车库进水的应急预案怎么演练？'],
  老旧小区改造: ['改造方案征求意见，怎样让上班族也能参与？', '加装电梯一楼住户反对，怎么做工作？', '改造后的公共空间由谁来管？'],
  养老服务: ['社区食堂怎样做到收支平衡？', '独居老人的探访怎样排班才不流于形式？', '适老化改造补贴怎么申请？'],
  垃圾分类: ['桶边督导志愿者怎么招募和激励？', '厨余垃圾破袋难，有什么好办法？', '分类积分兑换的资金从哪里来？'],
  矛盾调解: ['楼上楼下噪音纠纷，调解时先听谁的？', '调解协议没有强制力，怎样避免反复？', '楼栋长参与调解需要哪些培训？'],
  文明创建: ['创城检查过后，怎样避免环境反弹？', '楼道堆物清理遇到阻力怎么办？', '文明家庭评选怎样让居民认可？'],
  新就业群体: ['快递小哥愿意参加社区活动的时间一般在什么时候？', '骑手驿站由谁来出资运营？', '新就业群体党员怎样转接组织关系？'],
};

const ANSWERS = [
  '我们的做法是先开楼道微议事会，把方案讲清楚，再请居民代表一起定规矩，执行起来阻力小很多。',
  '关键是把党员中心户发动起来，每栋楼有人牵头，问题在楼里就能解决一大半。',
  '建议先找街道和相关部门联合踏勘，把责任清单列出来，再向居民公示，避免推诿。',
];

const COMMENT_LINES = [
  '这个案例把居民议事和部门职责结合得很好，我们会把做法纳入下一步的指导意见。',
  '涉及的审批事项可以走绿色通道，请社区把材料报到局里，我们安排专人对接。',
  '建议在全区推广，同时注意做好安全评估和后续管护。',
];

const SCENES: DimensionKey[] = ['grid', 'property', 'position', 'organization', 'team', 'newGroups'];

function minutesOf(s: SalonDoc): string {
  const day = inChina(s.date).format('YYYY年M月D日');
  const names = s.presenters.map((p) => p.name).join('、');
  return [
    `${day}，${s.title}在${s.place}举行，主题为“${s.theme}”，由${s.hostStreet}街道轮值承办。`,
    `${names}等${s.presenters.length}位社区书记分享了案例，${[...s.departments, ...s.experts].join('、') || '相关部门'}到会点评。`,
    '“你问我答”环节，参会书记围绕实际工作中的难点现场提问，主讲书记逐一作答，部分问题会后由相关部门跟进答复。',
    '会议商定：各社区结合自身情况借鉴案例做法，下期沙龙交流落实情况。',
  ].join('\n\n');
}

export async function seedSalonQa(put: Put, upload: Upload, salons: SalonDoc[]): Promise<string> {
  const archived = salons.filter((s) => s.status === 'archived');
  const questions: SalonQuestionDoc[] = [];
  const votes: { _id: string }[] = [];
  const comments: SalonCommentDoc[] = [];
  const archives: SalonArchiveDoc[] = [];
  for (const [i, s] of archived.entries()) {
    const date = new Date(s.date);
    const askers = SECRETARIES.filter((x) => !s.presenters.some((p) => p.secretaryId === x._id)).slice(i % 5, (i % 5) + 3);
    (QUESTIONS[s.topic] ?? QUESTIONS['停车管理']).forEach((text, n) => {
      const asker = askers[n % askers.length];
      const presenter = s.presenters[n % s.presenters.length];
      const id = `seed-q-${s._id}-${n + 1}`;
      const answer: SalonAnswer = { secretaryId: presenter.secretaryId, name: presenter.name, text: ANSWERS[(i + n) % ANSWERS.length], at: new Date(date.getTime() + (n + 1) * 600_000) };
      const voters = SECRETARIES.slice(0, 3 + ((i + n * 2) % 6)).map((v) => `seed-voter-${v._id}`);
      questions.push({
        _id: id,
        salonId: s._id,
        text,
        askerKey: userKey(`seed-${asker._id}`),
        askerLabel: `${asker.name}（${asker.community}）`,
        upvotes: voters.length,
        answers: { [presenter.secretaryId]: answer },
        answeredOnSite: n === 0,
        createdAt: new Date(date.getTime() - (3 - n) * 86_400_000),
      });
      for (const v of voters) votes.push({ _id: `${id}.${userKey(v)}`, questionId: id, salonId: s._id, voterKey: userKey(v), at: date } as { _id: string });
    });
    s.presenters.slice(0, 2).forEach((p, n) => {
      const department = s.departments[n % Math.max(1, s.departments.length)] ?? '区委社会工作部';
      comments.push({ _id: `seed-c-${s._id}-${n + 1}`, salonId: s._id, caseSecretaryId: p.secretaryId, caseTitle: p.caseTitle, department, speaker: n === 0 ? '科室负责人' : '', text: COMMENT_LINES[(i + n) % COMMENT_LINES.length], createdAt: new Date(date.getTime() + 5_400_000 + n * 600_000) });
    });
    const shots = i >= archived.length - 2 ? 2 : 1;
    const photos = await Promise.all(
      Array.from({ length: shots }, async (_x, n) => ({
        fileId: await upload(`salons/${s._id}/seed-photo-${n + 1}.png`, cachedPicture(`scene-${SCENES[(i + n) % SCENES.length]}-${40 + i * 2 + n}`, () => drawScene(SCENES[(i + n) % SCENES.length], 40 + i * 2 + n))),
        caption: n === 0 ? '案例分享现场' : '你问我答环节',
      })),
    );
    archives.push({ _id: s._id, minutes: minutesOf(s), photos, updatedAt: new Date(date.getTime() + 86_400_000) });
  }
  await put('salonQuestions', questions);
  await put('salonQuestionVotes', votes);
  await put('salonComments', comments);
  await put('salonArchives', archives);
  return `${questions.length} questions, ${comments.length} comments, ${archives.length} archived records`;
}
