import { Image, Text, View } from '@tarojs/components';
import type { MyRegistrations } from '../../services/contest-registration';
import { Button } from '../../ui/nutui';
import { formatMoment } from './format';

type Item = MyRegistrations['items'][number];

const EXPLAIN: Record<Item['status'], string> = {
  pending: '区委组织部正在审核您的报名材料。',
  approved: '您已成为本次比武的参赛选手，居民投票和评委打分都会看到您。',
  rejected: '报名未通过。报名开放期间，可以修改材料后重新报名。',
  withdrawn: '您已撤回报名。报名开放期间，可以重新报名。',
};

interface Props {
  item: Item;
  busy: boolean;
  onWithdraw: () => void;
}

/** One of her registrations: the status, the reason when it was not approved, her materials, and 撤回. */
export function MyRegistration({ item, busy, onWithdraw }: Props) {
  const canWithdraw = item.registrationOpen && (item.status === 'pending' || item.status === 'approved');
  return (
    <View className={`sec-card reg-mine reg-mine--${item.status}`} data-contest={item.contestId}>
      <View className='reg-mine__head'>
        <Text className='sec-card__title reg-mine__title'>{item.contestTitle}</Text>
        <Text className={`reg-mine__badge reg-mine__badge--${item.status}`}>{item.statusLabel}</Text>
      </View>
      <Text className='sec-card__hint reg-mine__explain'>{EXPLAIN[item.status]}</Text>
      {item.rejectReason ? <Text className='reg-mine__reason'>{`原因：${item.rejectReason}`}</Text> : null}
      <Text className='reg-mine__meta'>{`提交于 ${formatMoment(item.submittedAt)}${item.reviewedAt ? ` · 审核于 ${formatMoment(item.reviewedAt)}` : ''}`}</Text>
      <Text className='reg-mine__project'>{`参赛项目：${item.materials.projectTitle}`}</Text>
      {item.photos.some((p) => p.url) ? (
        <View className='reg-form__photos'>
          {item.photos.map((p) => (p.url ? <Image key={p.fileID} className='reg-form__thumb' src={p.url} mode='aspectFill' /> : null))}
        </View>
      ) : null}
      {canWithdraw ? (
        <Button className='reg-mine__withdraw' size='large' block disabled={busy} onClick={onWithdraw}>
          {busy ? '正在撤回…' : '撤回报名'}
        </Button>
      ) : null}
    </View>
  );
}
