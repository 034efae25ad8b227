import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Countdown } from '../../components/Countdown';
import { EmptyState } from '../../components/EmptyState';
import { CardSkeletons, ShowcaseCardView } from '../../components/ShowcaseCardView';
import { ErrorView } from '../../components/StatusView';
import { chinaDateTime, streetText, voteRuleText } from '../../components/format';
import type { QueryState } from '../../hooks/useCloudQuery';
import { setPreferredContest } from '../../services/contest';
import type { FirstScreen } from '../../services/home';
import { Button } from '../../ui/nutui';

const toFeed = () => void Taro.switchTab({ url: '/pages/showcases/index' });
// The salon subpackage's pages (client/src/salon/routes.ts), by path: the main package imports no subpackage code.
const toSalons = () => void Taro.navigateTo({ url: '/salon/list/index' });
// The contest subpackage's results page: without an id it opens the newest published contest (2023 in the demo).
const toResults = () => void Taro.navigateTo({ url: '/contest/results/index' });
const toSalon = (salonId: string) => () => void Taro.navigateTo({ url: `/salon/detail/index?id=${encodeURIComponent(salonId)}` });

function Heading({ title, more, onMore }: { title: string; more?: string; onMore?: () => void }) {
  return (
    <View className='home__heading'>
      <Text className='home__heading-title'>{title}</Text>
      {more ? (
        <Text className='home__heading-more' onClick={onMore}>
          {more}
        </Text>
      ) : null}
    </View>
  );
}

function Voting({ data }: { data: FirstScreen }) {
  if (data.votingContests.length === 0) {
    return <EmptyState title='目前没有进行中的投票' text='大比武开始投票后会在这里提醒您' action='先看看书记风采' onAction={toFeed} />;
  }
  return (
    <>
      {data.votingContests.map((c) => (
        <View className='home__contest' key={c._id}>
          <Text className='home__contest-badge'>投票进行中</Text>
          <Text className='home__contest-title'>{c.title}</Text>
          <Text className='home__contest-theme'>主题：{c.theme}</Text>
          <Countdown endAt={c.voteEnd} serverTime={data.serverTime} />
          <Text className='home__contest-rule'>{voteRuleText(c.voteRule)}</Text>
          <Button
            className='home__contest-go'
            type='primary'
            block
            onClick={() => {
              setPreferredContest(c._id);
              void Taro.switchTab({ url: '/pages/contest/index' });
            }}
          >
            去为书记投票
          </Button>
        </View>
      ))}
    </>
  );
}

function Salon({ data }: { data: FirstScreen }) {
  const salon = data.nextSalon;
  if (!salon) return <EmptyState title='下一期沙龙的时间还未公布' text='每月一期，由各街道轮值承办' action='看看往期沙龙' onAction={toSalons} />;
  return (
    <View className='home__salon' data-salon={salon._id} onClick={toSalon(salon._id)}>
      <Text className='home__salon-title'>{salon.title}</Text>
      <Text className='home__salon-topic'>{salon.theme ?? `话题：${salon.topic}`}</Text>
      <Text className='home__salon-line'>时间：{chinaDateTime(salon.date)}</Text>
      <Text className='home__salon-line'>承办：{streetText(salon.hostStreet)}（轮值主席）</Text>
      {salon.departments.length ? <Text className='home__salon-line'>点评：{salon.departments.join('、')}</Text> : null}
      <Text className='home__salon-go'>{salon.status === 'open' ? '查看详情、报名 ›' : '查看详情 ›'}</Text>
    </View>
  );
}

/**
 * The home page's live part, all from one `home.firstScreen` call: contests with voting open (countdown),
 * featured showcases, and the next salon. Each has an empty state that says what to do next.
 */
export function FirstScreenSections({ state, onRetry }: { state: QueryState<FirstScreen>; onRetry: () => void }) {
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={onRetry} />;
  const data = state.status === 'ready' ? state.data : null;
  return (
    <View className='home__live'>
      <Heading title='大比武投票' more='往届评审结果 ›' onMore={toResults} />
      {data ? <Voting data={data} /> : <CardSkeletons count={1} />}

      <Heading title='书记风采' more='全部书记 ›' onMore={toFeed} />
      {data ? (
        data.featured.length ? (
          data.featured.map((card) => <ShowcaseCardView card={card} key={card._id} />)
        ) : (
          <EmptyState title='风采展正在整理中' text='书记们的风采审核通过后会在这里推荐' action='去风采页看看' onAction={toFeed} />
        )
      ) : (
        <CardSkeletons count={2} />
      )}

      <Heading title='下期社区书记沙龙' more='全部沙龙 ›' onMore={toSalons} />
      {data ? <Salon data={data} /> : <CardSkeletons count={1} />}
    </View>
  );
}
