import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { chinaDay } from '@yanzhen/domain';
import { chinaDateTime } from '../../components/format';
import { cancelSalon, signUpSalon, type SalonDetail } from '../../services/salon';
import { Button } from '../../ui/nutui';
import { checkInNow, sceneFrom } from '../checkin-sync';
import { askSalonReminder } from '../subscribe';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 });
const say = (content: string) => void Taro.showModal({ title: '提示', content, showCancel: false, confirmText: '知道了', confirmColor: '#C8161D' });

/** Scans the venue's code (camera only: a picked photo of a code is not being there) and checks in, or queues. */
async function scanAndCheckIn(salonId: string, onDone: () => void): Promise<void> {
  let path = '';
  try {
    // 'wxCode' (mini-program codes, which check-in codes are) is a WeChat scan type missing from Taro's typings.
    const scanType = ['wxCode', 'qrCode'] as unknown as (keyof Taro.scanCode.ScanType)[];
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType });
    path = res.path || res.result;
  } catch {
    return; // the person closed the scanner
  }
  const scene = sceneFrom(path);
  if (!scene) return say('这不是沙龙签到码，请扫描会场的签到码');
  const outcome = await checkInNow({ scene, salonId, scannedAt: new Date().toISOString() });
  if (outcome.kind === 'done') toast(outcome.first ? '签到成功' : '您已签到过了');
  else if (outcome.kind === 'queued') say('现在没有网络，签到已保存在手机上，联网后会自动提交');
  else say(outcome.message);
  onDone();
}

/**
 * What a secretary can do with this salon: sign up (or join the waiting list), cancel, and on the day check in.
 * Residents see who may sign up instead of buttons that would fail.
 */
export function SignupPanel({ salon, onChange }: { salon: SalonDetail; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const me = salon.me;
  const run = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    setBusy(true);
    const res = await work();
    setBusy(false);
    if (res.ok) toast(done);
    else say(res.error?.message ?? '操作没有成功');
    onChange();
  };
  const seats = <Text className='salon-signup__seats'>{`名额 ${salon.capacity} 人 · 已报名 ${salon.signedUp} 人${salon.waitingCount ? ` · 候补 ${salon.waitingCount} 人` : ''}${salon.checkedInCount ? ` · 已签到 ${salon.checkedInCount} 人` : ''}`}</Text>;

  if (!me) {
    return (
      <View className='salon-signup'>
        {seats}
        <Text className='salon-signup__note'>社区书记绑定档案后可在这里报名、签到；居民可以在下方“你问我答”看问答、为想听的问题点赞。</Text>
      </View>
    );
  }
  const onDay = chinaDay(new Date()) === chinaDay(new Date(salon.date));
  return (
    <View className={`salon-signup salon-signup--${me.status}`}>
      {seats}
      {me.status === 'none' ? (
        salon.status === 'open' ? (
          <Button className='salon-signup__join' type='primary' block disabled={busy} onClick={() => {
              // WeChat opens the reminder prompt only within the tap: ask before awaiting anything (subscribe.ts).
              const reminder = askSalonReminder(salon._id);
              void run(async () => {
                const res = await signUpSalon(salon._id);
                await reminder;
                return res;
              }, '报名已提交');
            }}>
            {salon.seatsLeft > 0 ? '报名参加' : '名额已满，加入候补'}
          </Button>
        ) : (
          <Text className='salon-signup__note'>{salon.status === 'planned' ? `报名将于 ${chinaDateTime(salon.signupOpensAt)} 开始` : '本期报名已截止'}</Text>
        )
      ) : null}
      {me.status === 'accepted' ? <Text className='salon-signup__state'>{me.checkedIn ? '您已报名并完成签到' : '您已报名成功，请按时参加'}</Text> : null}
      {me.status === 'waiting' ? <Text className='salon-signup__state'>{`您在候补名单第 ${me.position ?? 1} 位，有人取消后将自动递补`}</Text> : null}
      {me.status === 'accepted' && onDay && !me.checkedIn ? (
        <Button className='salon-signup__checkin' type='primary' block onClick={() => void scanAndCheckIn(salon._id, onChange)}>
          扫码签到
        </Button>
      ) : null}
      {me.status !== 'none' && !me.checkedIn && salon.status !== 'archived' ? (
        <Button className='salon-signup__cancel' block disabled={busy} onClick={() => void run(() => cancelSalon(salon._id), me.status === 'waiting' ? '已退出候补' : '已取消报名')}>
          {me.status === 'waiting' ? '退出候补' : '取消报名'}
        </Button>
      ) : null}
    </View>
  );
}
