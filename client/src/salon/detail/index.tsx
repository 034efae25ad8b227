import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { SALON_STATUS_LABELS } from '@yanzhen/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTime, streetText } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { getSalon, type SalonDetail } from '../../services/salon';
import { SalonQa } from '../SalonQa';
import { startCheckInSync } from '../checkin-sync';
import { SALON_LIST_PAGE } from '../routes';
import { SignupPanel } from './SignupPanel';
import '../salon-pages.scss';

function openMap(s: SalonDetail): void {
  if (!s.location) return;
  Taro.openLocation({ latitude: s.location.latitude, longitude: s.location.longitude, name: s.place, address: `${streetText(s.hostStreet)} · ${s.place}`, scale: 16 }).catch(() => undefined);
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='salon-line'>
      <Text className='salon-line__label'>{label}</Text>
      <Text className='salon-line__value'>{value}</Text>
    </View>
  );
}

function Salon({ s, reload }: { s: SalonDetail; reload: () => void }) {
  return (
    <View className='salon-detail' data-salon={s._id}>
      <View className='salon-hero'>
        <Text className={`salon-badge salon-badge--${s.status}`}>{SALON_STATUS_LABELS[s.status]}</Text>
        <Text className='salon-hero__title'>{s.title}</Text>
        <Text className='salon-hero__theme'>{s.theme}</Text>
      </View>
      <View className='salon-section'>
        <Line label='时间' value={chinaDateTime(s.date)} />
        <View onClick={() => openMap(s)}>
          <Line label='地点' value={s.location ? `${s.place}（点按查看地图）` : s.place} />
        </View>
        <Line label='承办' value={`${streetText(s.hostStreet)}（轮值主席）`} />
        <Line label='话题' value={s.topic} />
        {s.departments.length ? <Line label='点评部门' value={s.departments.join('、')} /> : null}
        {s.experts.length ? <Line label='特邀专家' value={s.experts.join('、')} /> : null}
        <Line label='报名时间' value={`${chinaDateTime(s.signupOpensAt)} 至 ${chinaDateTime(s.signupClosesAt)}`} />
      </View>
      <SignupPanel salon={s} onChange={reload} />
      <View className='salon-section'>
        <Text className='salon-section__title'>案例分享</Text>
        {s.presenters.length === 0 ? <Text className='salon-line__value'>主讲书记确定后会在这里公布</Text> : null}
        {s.presenters.map((p) => (
          <View className='salon-presenter' key={p.secretaryId}>
            <Text className='salon-presenter__name'>{`${p.name} · ${p.community}`}</Text>
            <Text className='salon-presenter__case'>{p.caseTitle}</Text>
          </View>
        ))}
      </View>
      <SalonQa salonId={s._id} />
    </View>
  );
}

/** One salon: when and where, who presents, sign-up and check-in, and 你问我答. Opened from the home card and the list. */
export default function SalonPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useCloudQuery(() => getSalon(decodeURIComponent(id)));
  useDidShow(() => startCheckInSync((sent, refused) => {
    if (sent) void reload();
    if (refused.length) void Taro.showModal({ title: '签到未成功', content: refused.join('\n'), showCancel: false, confirmText: '知道了' });
  }));
  useShareAppMessage(() => ({ title: state.status === 'ready' ? `${state.data.title}：${state.data.theme}` : '社区书记沙龙', path: `/salon/detail/index?id=${id}` }));
  return (
    <PageShell className='salon-page'>
      {!id ? <EmptyState title='没有找到这期沙龙' action='看看全部沙龙' onAction={() => void Taro.redirectTo({ url: SALON_LIST_PAGE })} /> : null}
      {id && state.status === 'loading' ? <LoadingView text='正在加载沙龙…' /> : null}
      {id && state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {id && state.status === 'ready' ? <Salon s={state.data} reload={() => void reload()} /> : null}
    </PageShell>
  );
}
