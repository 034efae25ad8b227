import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@yanzhen/domain';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { headlineRole, whoami, type WhoAmI } from '../../services/user';
import { Cell, CellGroup, Tag } from '../../ui/nutui';
import { BRAND } from '../../theme';
import { ROLE_NOTES } from './role-notes';
import './index.scss';

function Identity({ me }: { me: WhoAmI }) {
  return (
    <View className='mine'>
      <View className='mine__card'>
        <View className='mine__avatar'>
          <Text>{headlineRole(me.roles).slice(0, 1)}</Text>
        </View>
        <View className='mine__who'>
          <Text className='mine__name'>{headlineRole(me.roles)}</Text>
          <View className='mine__roles'>
            {me.roles.map((role) => (
              <Tag key={role} background={BRAND.gold} color={BRAND.ink} className={`mine__role mine__role--${role}`}>
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </View>
        </View>
      </View>

      <CellGroup title='身份信息' className='mine__group'>
        <Cell title='微信身份标识' extra={me.openid} />
        {me.street ? <Cell title='所属街道' extra={me.street} /> : null}
        <Cell title='书记档案' extra={me.secretaryId ? '已绑定' : '未绑定'} />
      </CellGroup>

      <CellGroup title='我可以做什么' className='mine__group'>
        {me.roles.map((role) => (
          <Cell key={role} title={ROLE_LABELS[role]} description={ROLE_NOTES[role]} />
        ))}
      </CellGroup>
    </View>
  );
}

/** 我的: who the caller is and which roles they hold, straight from the `user` function. */
export default function MinePage() {
  const { state, reload } = useCloudQuery(whoami);
  return (
    <PageShell>
      {state.status === 'loading' ? <LoadingView text='正在确认您的身份…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <Identity me={state.data} /> : null}
    </PageShell>
  );
}
