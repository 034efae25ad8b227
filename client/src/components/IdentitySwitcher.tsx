import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { DEMO_IDENTITIES, type DemoIdentity } from '@yanzhen/domain';
import { currentOpenid, defaultOpenid, loginAs } from '../services/h5-session';
import './IdentitySwitcher.scss';

function labelOf(openid: string | null): string {
  const identity = DEMO_IDENTITIES.find((i) => i.openid === (openid ?? defaultOpenid()));
  return identity ? identity.label : openid ?? '未登录';
}

/**
 * H5 preview only: a laptop has no WeChat login, so this bar picks one of the demo identities, logs in through
 * the emulator and reloads the page as that user. Test hooks: `#yz-identity-switcher`, `.yz-identity-option`
 * with `data-openid`, `#yz-identity-current`.
 */
export function IdentitySwitcher() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const active = currentOpenid() ?? defaultOpenid();

  async function choose(identity: DemoIdentity) {
    setBusy(true);
    setProblem(null);
    try {
      await loginAs(identity.openid);
      window.location.reload();
    } catch (err) {
      console.warn('[identity] login failed', err);
      setProblem('切换失败：本地云没有响应，请确认它在运行');
      setBusy(false);
    }
  }

  return (
    <View id='yz-identity-switcher' className='yz-identity'>
      <View className='yz-identity__bar' onClick={() => setOpen(!open)}>
        <Text className='yz-identity__badge'>本地预览</Text>
        <Text id='yz-identity-current' className='yz-identity__current'>
          当前身份：{labelOf(active)}
        </Text>
        <Text className='yz-identity__toggle'>{open ? '收起' : '切换身份'}</Text>
      </View>
      {open ? (
        <View className='yz-identity__menu'>
          {DEMO_IDENTITIES.map((identity) => (
            <View
              key={identity.openid}
              className={`yz-identity-option${identity.openid === active ? ' yz-identity-option--active' : ''}`}
              data-openid={identity.openid}
              onClick={() => (busy ? undefined : void choose(identity))}
            >
              <Text>{identity.label}</Text>
              {identity.openid === active ? <Text className='yz-identity-option__mark'>当前</Text> : null}
            </View>
          ))}
          {busy ? <Text className='yz-identity__hint'>正在切换…</Text> : null}
          {problem ? <Text className='yz-identity__hint yz-identity__hint--error'>{problem}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
