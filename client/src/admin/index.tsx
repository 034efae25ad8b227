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
            <Cell className='adm-index__entry adm-index__entry--audit' title='操作记录' description='谁在什么时候改了什么，可按操作和对象筛选' extra='›' clickable onClick={go('/admin/audit/index')} />
          </CellGroup>
        </View>
      ) : null}
    </PageShell>
  );
}
