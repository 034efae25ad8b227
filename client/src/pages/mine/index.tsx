import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@yanzhen/domain';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { headlineRole, maskOpenid, whoami, type WhoAmI } from '../../services/user';
import { Cell, CellGroup, Tag } from '../../ui/nutui';
import { BRAND } from '../../theme';
import { MineEntries } from './entries';
import { ROLE_NOTES } from './role-notes';
import './index.scss';

function Identity({ me }: { me: WhoAmI }) {
  // A bound secretary is greeted by name; everyone else by their most specific role.
  const headline = me.secretary ? `${me.secretary.name}书记` : headlineRole(me.roles);
  return (
    <View className='mine'>
      <View className='mine__card'>
        <View className='mine__avatar'>
          <Text>{headline.slice(0, 1)}</Text>
        </View>
        <View className='mine__who'>
          <Text className='mine__name'>{headline}</Text>
          <View className='mine__roles'>
            {me.roles.map((role) => (
              <Tag key={role} background={BRAND.gold} color={BRAND.ink} className={`mine__role mine__role--${role}`}>
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </View>
        </View>
      </View>

      <MineEntries me={me} />

      <CellGroup title='身份信息' className='mine__group'>
        <Cell title='微信账号' extra={maskOpenid(me.openid)} />
        {me.street ? <Cell title='所属街道' extra={`${me.street}街道`} /> : null}
        <Cell
          className='mine__binding'
          title='书记档案'
          extra={me.secretary ? `已绑定 · ${me.secretary.community}` : me.secretaryId ? '已绑定' : '未绑定'}
        />
      </CellGroup>

      <CellGroup title='我可以做什么' className='mine__group'>
        {me.roles.map((role) => (
          <Cell key={role} title={ROLE_LABELS[role]} description={ROLE_NOTES[role]} />
        ))}
      </CellGroup>
    </View>
  );
}

/** 我的: who the caller is, which roles they hold, and what they can do next, straight from the `user` function. */
export default function MinePage() {
  const { state, reload } = useCloudQuery(whoami);
  // Coming back from binding or the admin area: roles may have changed. The first show is the initial load.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  return (
    <PageShell>
      {state.status === 'loading' ? <LoadingView text='正在确认您的身份…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <Identity me={state.data} /> : null}
    </PageShell>
  );
}
