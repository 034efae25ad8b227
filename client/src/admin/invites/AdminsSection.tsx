import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadingView, ErrorView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { inviteAdmin, listAdmins, revokeAdmin, type AdminRow, type IssuedCode } from '../../services/admin';
import { Button } from '../../ui/nutui';
import { CodeCard } from '../components/CodeCard';
import { confirmAction, tell } from '../confirm';
import { formatTime, userHandle } from '../format';

/** Admins by opaque key (never OpenIDs): invite one with a code, revoke an invited one. */
export function AdminsSection() {
  const { state, reload } = useCloudQuery(listAdmins);
  const [code, setCode] = useState<IssuedCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function invite() {
    setBusy(true);
    const res = await inviteAdmin();
    setBusy(false);
    if (res.ok) setCode(res.data);
    else tell(res.error.message);
  }

  async function revoke(row: AdminRow) {
    if (!(await confirmAction('移除管理员', `确定移除${userHandle(row.userKey)}的管理员身份吗？`, '移除'))) return;
    const res = await revokeAdmin(row.userKey);
    if (!res.ok) return tell(res.error.message);
    await reload();
  }

  return (
    <View className='invites__admins'>
      <Text className='adm-section-title'>管理员</Text>
      <Button className='invites__invite-admin' type='primary' size='large' block disabled={busy} onClick={() => void invite()}>
        {busy ? '正在生成…' : '生成管理员邀请码'}
      </Button>
      {code ? <CodeCard title='管理员邀请码：对方在“我的 → 绑定书记档案”输入即成为管理员' code={code.code} expiresAt={code.expiresAt} /> : null}
      {state.status === 'loading' ? <LoadingView /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready'
        ? state.data.items.map((row) => (
            <View key={row.userKey} className='adm-card invites__admin'>
              <View className='adm-card__head'>
                <Text className='adm-card__name'>{userHandle(row.userKey)}</Text>
                <Text className={`adm-badge${row.configured ? ' adm-badge--wait' : ' adm-badge--ok'}`}>{row.configured ? '系统配置' : '受邀加入'}</Text>
              </View>
              {row.since ? <Text className='adm-card__meta'>自 {formatTime(row.since)}</Text> : null}
              {row.configured ? (
                <Text className='adm-card__meta'>来自系统配置，需修改配置才能移除</Text>
              ) : (
                <View className='adm-card__actions'>
                  <Button className='invites__revoke' size='normal' onClick={() => void revoke(row)}>
                    移除管理员
                  </Button>
                </View>
              )}
            </View>
          ))
        : null}
    </View>
  );
}
