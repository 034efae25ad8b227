import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { CODE_KIND_LABELS, CODE_MAX_ATTEMPTS, CODE_TTL_HOURS, type AppErrorBody } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { normaliseCode, redeemCode, whoami, type Redeemed } from '../../services/user';
import { Button } from '../../ui/nutui';
import '../secretary.scss';

/** What the person gained, in their words. */
function grantedText(r: Redeemed): string {
  if (r.kind === 'secretary') return r.secretary ? `您的微信已绑定 ${r.secretary.name}（${r.secretary.community}）的书记档案` : '您的微信已绑定书记档案';
  if (r.kind === 'admin') return '您已成为管理员，可在“我的”进入管理后台';
  return '您已成为本次大比武的评委';
}

function Granted({ redeemed }: { redeemed: Redeemed }) {
  return (
    <View className='sec-card sec-done'>
      <Text className='sec-done__title'>{redeemed.kind === 'secretary' ? '绑定成功' : '邀请码已生效'}</Text>
      <Text className='sec-done__text'>{grantedText(redeemed)}</Text>
      <Button className='sec-done__back' type='primary' size='large' block onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}>
        回到“我的”
      </Button>
    </View>
  );
}

/**
 * Redeems a one-time code: a secretary's binding code from the district office, or an admin/judge invitation
 * (`user.redeemCode` tells which). The function's messages are already clear Chinese (wrong code with the tries
 * left, locked, expired, used), so they are shown as they come.
 */
export default function BindPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const [redeemed, setRedeemed] = useState<Redeemed | null>(null);

  async function submit() {
    const normalised = normaliseCode(code);
    if (!/^[A-Z0-9]{4}-\d{6}$/.test(normalised)) {
      setError({ code: 'invalid-argument', message: '请输入形如 ABCD-123456 的绑定码（4 位字母 + 6 位数字）' });
      return;
    }
    setBusy(true);
    setError(null);
    const res = await redeemCode(normalised);
    setBusy(false);
    if (res.ok) {
      setRedeemed(res.data);
      // The new role shows at once wherever the person looks next (the H5 switcher, 我的).
      void whoami();
    } else setError(res.error);
  }

  return (
    <PageShell className='sec-page bind'>
      {redeemed ? (
        <Granted redeemed={redeemed} />
      ) : (
        <View className='sec-card'>
          <Text className='sec-card__title'>输入绑定码</Text>
          <Text className='sec-card__hint'>
            绑定码由区委组织部当面交给社区书记本人，形如 ABCD-123456，{CODE_TTL_HOURS} 小时内有效，只能使用一次。
          </Text>
          <Input
            className='sec-input sec-input--code bind__input'
            value={code}
            maxlength={12}
            placeholder='ABCD-123456'
            onInput={(e) => {
              setCode(e.detail.value);
              setError(null);
            }}
            onConfirm={() => void submit()}
          />
          {error ? (
            <View className='sec-error bind__error'>
              <Text>{error.message}</Text>
            </View>
          ) : null}
          <Button className='bind__submit' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
            {busy ? '正在核对…' : '确认绑定'}
          </Button>
          <Text className='sec-card__note'>
            同一绑定码输错 {CODE_MAX_ATTEMPTS} 次将被锁定。收到的是{CODE_KIND_LABELS.admin}或{CODE_KIND_LABELS.judge}，也在这里输入。
          </Text>
        </View>
      )}
    </PageShell>
  );
}
