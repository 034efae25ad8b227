import { DIMENSIONS, type DimensionKey, type RegistrationDoc, type RegistrationMaterials } from '@yanzhen/domain';
import { SECRETARIES } from './people';
import { STORIES } from './stories';

/**
 * The registrations of the current contest (issue 10, area A). Registration closed three days ago (contests.ts):
 * the 17 secretaries registered and were approved — they are the contestants voting and judging read, with the
 * ids `cand-sec-01` … the vote tests rely on — and three more applicants show the other states: one still
 * pending, one not approved with a reason, one who withdrew. The three are invented archive records of their
 * own (sec-18 … sec-20), on streets whose secretary's record other tests single out by street (杆石桥, 大观园,
 * 陡沟) avoided; they have no showcase, so the public lists still count 17.
 */

const DAY = 86_400_000;
type Put = (collection: string, docs: { _id: string }[]) => Promise<void>;

export const APPLICANTS = [
  { _id: 'sec-18', name: '孙雅婷', gender: '女', community: '三里庄社区', street: '四里村', tier: '雏雁', since: 2022, phone: '13806402318', idNumber: '370103199305120328', state: 'pending' },
  { _id: 'sec-19', name: '高志远', gender: '男', community: '南辛庄社区', street: '六里山', tier: '雏雁', since: 2021, phone: '13806402419', idNumber: '370103198811030419', state: 'rejected' },
  { _id: 'sec-20', name: '冯丽君', gender: '女', community: '土屋社区', street: '十六里河', tier: '青雁', since: 2019, phone: '13806402520', idNumber: '370103198602170520', state: 'withdrawn' },
] as const;

const PROJECTS: Record<DimensionKey, string> = {
  organization: '支部建在网格上',
  team: '“两委”包联难题交账制',
  position: '党群服务驿站焕新',
  grid: '网格议事“板凳会”',
  property: '红色物业联盟',
  newGroups: '新就业群体暖心驿站',
};

/** A 述职 summary from the secretary's story: its first paragraph, within the registration's bounds. */
function materialsOf(i: number): RegistrationMaterials {
  const story = STORIES[i];
  const main = story.tags[0] as DimensionKey;
  const first = story.story.split(/\n\s*\n/)[0];
  return {
    summary: first.length > 600 ? `${first.slice(0, 599)}…` : first,
    projectTitle: PROJECTS[main],
    projectDescription: `${DIMENSIONS.find((d) => d.key === main)?.name ?? ''}方面的做法：${story.achievements.join('；')}。`,
    photoFileIds: [],
  };
}

const APPLICANT_MATERIALS: RegistrationMaterials = {
  summary: '到社区工作以来，我和“两委”一起把居民最关心的停车、加装电梯和老旧小区改造列成清单，逐项推进、按月公示。',
  projectTitle: '老旧小区“微更新”',
  projectDescription: '党组织牵头，居民议事会定方案，共驻共建单位出资源，完成 3 个小区的楼道和车棚改造。',
  photoFileIds: [],
};

const REJECT_REASON = '任职未满两年，不符合本届报名条件，欢迎下一届再报名';

/** Writes the registrations (and the three applicants' archive records); answers a line for the seed's summary. */
export async function seedContestRegistrations(put: Put, now: Date): Promise<string> {
  const contestId = 'contest-current';
  const t = now.getTime();
  const base = () => ({ contestId, status: 'approved' as const, openid: '', notifyResult: false, notifiedAt: null, withdrawnAt: null, updatedAt: new Date(t - 5 * DAY) });
  const approved: RegistrationDoc[] = SECRETARIES.map((s, i) => ({
    ...base(),
    _id: `cand-${s._id}`,
    secretaryId: s._id,
    name: s.name,
    community: s.community,
    street: s.street,
    materials: materialsOf(i),
    // demo-secretary (sec-01) registered from her phone and accepted the result message, which went out.
    ...(i === 0 ? { openid: 'demo-secretary', notifyResult: true, notifiedAt: new Date(t - 5 * DAY) } : {}),
    submittedAt: new Date(t - (35 - i) * DAY),
    reviewedAt: new Date(t - 5 * DAY),
    createdAt: new Date(t - (35 - i) * DAY),
  }));
  await put('secretaries', APPLICANTS.map(({ state: _state, ...a }) => ({ ...a, createdAt: new Date(t - 400 * DAY) })));
  const others: RegistrationDoc[] = APPLICANTS.map((a, k) => ({
    ...base(),
    _id: `reg-${contestId}-${a._id}`,
    secretaryId: a._id,
    name: a.name,
    community: a.community,
    street: a.street,
    status: a.state,
    materials: APPLICANT_MATERIALS,
    ...(a.state === 'rejected' ? { rejectReason: REJECT_REASON, reviewedAt: new Date(t - 6 * DAY) } : { reviewedAt: null }),
    ...(a.state === 'withdrawn' ? { withdrawnAt: new Date(t - 10 * DAY) } : {}),
    submittedAt: new Date(t - (8 + k) * DAY),
    createdAt: new Date(t - (8 + k) * DAY),
  }));
  await put('candidates', [...approved, ...others]);
  return `${approved.length} approved registrations and 1 pending, 1 rejected, 1 withdrawn in the current contest`;
}
