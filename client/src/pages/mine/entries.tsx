import Taro from '@tarojs/taro';
import type { WhoAmI } from '@yanzhen/domain';
import { Cell, CellGroup } from '../../ui/nutui';
import { useOpenQuiz } from '../../hooks/useOpenQuiz';

/** Where each entry of 我的 leads; every page outside the tab pages lives in a subpackage. */
export const ROUTES = {
  bind: '/secretary/bind/index',
  showcaseEdit: '/secretary/showcase-edit/index',
  admin: '/admin/index',
  contestRegistration: '/secretary/contest-registration/index',
  pairing: '/talent/pairing/index',
  studios: '/talent/studios/index',
  salons: '/salon/list/index',
  judge: '/judge/index',
  quiz: '/secretary/quiz/index',
  myArchive: '/secretary/archive/index',
} as const;

const go = (url: string) => () => void Taro.navigateTo({ url });

/**
 * The next steps open to this person: a resident binds their archive record (the same page takes admin and
 * judge invitation codes), a secretary keeps their showcase, and only an admin sees 管理后台 at all.
 */
export function MineEntries({ me }: { me: WhoAmI }) {
  const isSecretary = me.roles.includes('secretary');
  const isAdmin = me.roles.includes('admin');
  const isJudge = me.roles.includes('judge');
  const openQuiz = useOpenQuiz(isSecretary); // an approved contestant's open quiz round, else null
  // Only the entries this person has, as a plain list: CellGroup draws a divider under every child but the
  // last, and a `null` child would count as that last one.
  const entries = [
    isSecretary
      ? { key: 'showcase', title: '我的风采', description: '编辑事迹、成绩和标签，提交审核后公开', url: ROUTES.showcaseEdit }
      : { key: 'bind', title: '绑定书记档案', description: '输入区委组织部当面交给您的绑定码', url: ROUTES.bind },
    isSecretary
      ? { key: 'salon', title: '报名沙龙、签到', description: '报名本月社区书记沙龙，到场扫码签到', url: ROUTES.salons }
      : { key: 'salon', title: '社区书记沙龙', description: '下期安排和往期记录', url: ROUTES.salons },
    ...(isSecretary ? [{ key: 'archive', title: '本人档案', description: '学历、培训、实践、工作、考核和奖惩记录', url: ROUTES.myArchive }] : []),
    ...(isSecretary ? [{ key: 'pairing', title: '挂职结对', description: '区内挂职交流：结对、挂职报告和带教点评', url: ROUTES.pairing }] : []),
    { key: 'studios', title: '书记工作室', description: '优秀社区书记工作室的成员和活动', url: ROUTES.studios },
    ...(isSecretary ? [{ key: 'contest-registration', title: '报名大比武', description: '报名参加书记大比武，查看审核结果或撤回', url: ROUTES.contestRegistration }] : []),
    ...(openQuiz ? [{ key: 'quiz', title: '知识竞赛', description: openQuiz, url: ROUTES.quiz }] : []),
    ...(isSecretary ? [{ key: 'invite', title: '使用邀请码', description: '收到管理员或评委邀请码时在这里输入', url: ROUTES.bind }] : []),
    ...(isJudge ? [{ key: 'judge', title: '评委打分', description: '为所评轮次的选手逐项打分', url: ROUTES.judge }] : []),
    ...(isAdmin ? [{ key: 'admin', title: '管理后台', description: '书记绑定、邀请、内容审核和操作记录', url: ROUTES.admin }] : []),
  ];
  return (
    <CellGroup title='常用功能' className='mine__group mine__entries'>
      {entries.map((e) => (
        <Cell key={e.key} className={`mine__entry mine__entry--${e.key}`} title={e.title} description={e.description} extra='›' clickable onClick={go(e.url)} />
      ))}
    </CellGroup>
  );
}
