import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMO_IDENTITIES, type DemoIdentity, type Role } from '@yanzhen/domain';
import { currentOpenid, defaultOpenid, loginAs, rememberedRoles, ROLES_CHANGED } from '../services/h5-session';
import { headlineRole, whoami } from '../services/user';
import './IdentitySwitcher.scss';

/**
 * "居民 · 刘阿姨": the role the `user` function last reported (a resident who redeemed a binding code is a
 * secretary now), else the demo identity's starting role, and the person's name.
 */
export function labelOf(openid: string, roles: readonly Role[] | null): string {
  const identity = DEMO_IDENTITIES.find((i) => i.openid === openid);
  if (!identity) return openid;
  const person = identity.label.split(' · ').pop() ?? identity.label;
  return `${headlineRole(roles ?? [identity.role])} · ${person}`;
}

/** The active identity's roles, asked once per identity and kept fresh by every `whoami` the pages make. */
function useRoles(openid: string): Role[] | null {
  const [roles, setRoles] = useState(() => rememberedRoles(openid));
  useEffect(() => {
    const refresh = (changed: string) => changed === openid && setRoles(rememberedRoles(openid));
    Taro.eventCenter.on(ROLES_CHANGED, refresh);
    if (!rememberedRoles(openid)) void whoami();
    return () => void Taro.eventCenter.off(ROLES_CHANGED, refresh);
  }, [openid]);
  return roles;
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
  const roles = useRoles(active);

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
          当前身份：{labelOf(active, roles)}
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
              <Text>{labelOf(identity.openid, rememberedRoles(identity.openid))}</Text>
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
