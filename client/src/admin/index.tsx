import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../components/PageShell';
import { ErrorView, LoadingView } from '../components/StatusView';
import { useCloudQuery } from '../hooks/useCloudQuery';
import { pendingShowcases } from '../services/admin';
import { Cell, CellGroup } from '../ui/nutui';
import './admin.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

/**
 * 管理后台: the admin's entries. It asks for the review queue first, which also proves the caller is an admin
 * (anyone else gets the function's permission-denied message instead of a menu that would fail everywhere).
 */
export default function AdminIndexPage() {
  const { state, reload } = useCloudQuery(pendingShowcases);
  // Coming back from 风采审核 (navigateBack keeps this page mounted): count the queue again, so the
  // number under 风采审核 is never the one from before the review. The first show is the initial load.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  return (
    <PageShell className='adm-page adm-index'>
      {state.status === 'loading' ? <LoadingView text='正在打开管理后台…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Text className='adm-intro'>区委组织部工作人员使用。每一项操作都会记入操作记录，不能修改或删除。</Text>
          <CellGroup title='人员与权限'>
            <Cell className='adm-index__entry adm-index__entry--bindings' title='书记绑定' description='为书记发放绑定码，解除或重新绑定' extra='›' clickable onClick={go('/admin/bindings/index')} />
            <Cell className='adm-index__entry adm-index__entry--invites' title='管理员与评委' description='邀请管理员、按比武活动邀请评委，查看和移除' extra='›' clickable onClick={go('/admin/invites/index')} />
            <Cell className='adm-index__entry adm-index__entry--archive' title='档案与名册' description='一人一档、一街一册：人员档案、两委名册与变动，导入导出 Excel' extra='›' clickable onClick={go('/admin/archive/index')} />
          </CellGroup>
          <CellGroup title='社区书记沙龙'>
            <Cell className='adm-index__entry adm-index__entry--salons' title='沙龙轮值与安排' description='按轮值顺序安排下一期，跳过须说明原因；日历与签到码' extra='›' clickable onClick={go('/admin/salons/index')} />
          </CellGroup>
          <CellGroup title='人才培育'>
            <Cell className='adm-index__entry adm-index__entry--pipeline' title='后备力量' description='各街道雏雁、青雁、头雁，阶段调整与岗位空缺推荐' extra='›' clickable onClick={go('/admin/talent/pipeline/index')} />
            <Cell className='adm-index__entry adm-index__entry--batches' title='挂职交流' description='开启批次、街道推荐、意向与结对、会议和总结' extra='›' clickable onClick={go('/admin/talent/batches/index')} />
            <Cell className='adm-index__entry adm-index__entry--studios' title='书记工作室' description='设立工作室，记录研讨、经验分享、挂职实训' extra='›' clickable onClick={go('/admin/talent/studios/index')} />
          </CellGroup>
          <CellGroup title='内容与记录'>
            <Cell
              className='adm-index__entry adm-index__entry--reviews'
              title='风采审核'
              description={state.data.items.length ? `${state.data.items.length} 份风采等待审核` : '目前没有待审核的风采'}
              extra='›'
              clickable
              onClick={go('/admin/reviews/index')}
            />
            <Cell className='adm-index__entry adm-index__entry--contest-setup' title='大比武设置' description='维度权重、轮次与评委、时间窗口、奖项和评分规则；锁定评分轮次' extra='›' clickable onClick={go('/admin/contest/setup/index')} />
            <Cell className='adm-index__entry adm-index__entry--contest-review' title='大比武报名审核' description='审核书记报名（可批量），筛选、导出报名名单' extra='›' clickable onClick={go('/admin/contest/review/index')} />
            <Cell className='adm-index__entry adm-index__entry--contest-quiz' title='知识竞赛题库' description='维护知识竞赛题目和答案，从 Excel 批量导入' extra='›' clickable onClick={go('/admin/contest/quiz/index')} />
            <Cell className='adm-index__entry adm-index__entry--contest-publish' title='大比武结果公布' description='检查轮次是否锁定，公布名次和奖项；导出结果与评分表' extra='›' clickable onClick={go('/admin/contest/publish/index')} />
            <Cell className='adm-index__entry adm-index__entry--audit' title='操作记录' description='谁在什么时候改了什么，可按操作和对象筛选' extra='›' clickable onClick={go('/admin/audit/index')} />
          </CellGroup>
        </View>
      ) : null}
    </PageShell>
  );
}
