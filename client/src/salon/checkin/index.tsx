import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { salonIdOfScene } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { LoadingView } from '../../components/StatusView';
import { Button } from '../../ui/nutui';
import { checkInNow, sceneFrom, startCheckInSync } from '../checkin-sync';
import type { CheckInOutcome } from '../checkin-queue';
import { SALON_LIST_PAGE, salonPageUrl } from '../routes';
import '../salon-pages.scss';

const WORDS: Record<CheckInOutcome['kind'], string> = { done: '签到成功', queued: '签到已保存在手机上', refused: '签到没有成功' };

/**
 * Where WeChat lands when the venue's check-in code is scanned with the camera (`scene` = `ci.<month>.<mac>`):
 * checks in at once, or keeps the scan on the phone until the network returns.
 */
export default function CheckInPage() {
  const scene = sceneFrom(useRouter().params.scene);
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  useEffect(() => {
    if (!scene) return;
    startCheckInSync();
    void checkInNow({ scene, scannedAt: new Date().toISOString() }).then(setOutcome);
  }, [scene]);

  const salonUrl = scene ? salonPageUrl(salonIdOfScene(scene)) : SALON_LIST_PAGE;
  return (
    <PageShell className='salon-page salon-checkin'>
      {scene && !outcome ? <LoadingView text='正在签到…' /> : null}
      {!scene || outcome ? (
        <View className={`salon-checkin__result salon-checkin__result--${outcome?.kind ?? 'refused'}`}>
          <Text className='salon-checkin__title'>{outcome ? WORDS[outcome.kind] : '这不是沙龙签到码'}</Text>
          <Text className='salon-checkin__text'>
            {outcome?.kind === 'done' ? (outcome.first ? '欢迎参加本期社区书记沙龙' : '您已签到过了，无需重复签到') : null}
            {outcome?.kind === 'queued' ? '现在没有网络，联网后会自动提交，只计一次' : null}
            {outcome?.kind === 'refused' ? outcome.message : null}
            {!outcome ? '请扫描会场张贴的签到码' : null}
          </Text>
          <Button className='salon-checkin__go' type='primary' block onClick={() => void Taro.redirectTo({ url: salonUrl })}>
            查看本期沙龙
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
