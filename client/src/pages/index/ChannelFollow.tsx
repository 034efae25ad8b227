import { OfficialAccount, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/**
 * Scenes in which WeChat shows the `official-account` component (opened from a QR or mini-program code, the
 * discover entry, a chat's top bar, or back from another mini-program). Elsewhere it renders nothing, so
 * the page does not reserve space for it.
 */
const FOLLOW_SCENES = new Set([1011, 1017, 1025, 1047, 1124, 1001, 1038, 1089]);

/** weapp only: invites residents to follow 「品质市中 活力党建」 where the entry scene allows. */
export function ChannelFollow() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  let scene = 0;
  try {
    scene = Taro.getEnterOptionsSync().scene;
  } catch {
    // Older base libraries lack getEnterOptionsSync; without a scene, show nothing rather than an empty box.
  }
  if (!FOLLOW_SCENES.has(scene)) return null;
  return (
    <View className='home__follow'>
      <OfficialAccount />
    </View>
  );
}
