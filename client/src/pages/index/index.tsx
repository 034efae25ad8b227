import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { homeFirstScreen } from '../../services/home';
import { headlineRole, whoami } from '../../services/user';
import { Tag } from '../../ui/nutui';
import { ChannelFollow } from './ChannelFollow';
import { FirstScreenSections } from './FirstScreen';
import { SIX_TOGETHER } from './six-together';
import './index.scss';

/**
 * 首页: the channel's banner, a greeting for whoever opened it, the live first screen (open votes, featured
 * showcases, the next salon: one `home.firstScreen` call) and the "六共" model.
 */
export default function HomePage() {
  const { state } = useCloudQuery(whoami);
  const first = useCloudQuery(homeFirstScreen);

  useShareAppMessage(() => ({ title: '经纬雁阵“六共” · 品质市中 活力党建', path: '/pages/index/index' }));

  const greeting =
    state.status === 'ready'
      ? `您好，${headlineRole(state.data.roles)}`
      : state.status === 'loading'
        ? '您好'
        : '您好，欢迎来到雁阵';

  return (
    <PageShell className='home'>
      <View className='home__banner'>
        <Text className='home__channel'>品质市中 活力党建</Text>
        <Text className='home__title'>经纬雁阵 · “六共”</Text>
        <Text className='home__subtitle'>市中区城市社区党组织书记的学习联动平台</Text>
        <View className='home__rule' />
      </View>

      <View className='home__welcome'>
        <Text className='home__greeting'>{greeting}</Text>
        <Text className='home__welcome-text' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
          查看我的身份 ›
        </Text>
      </View>

      <ChannelFollow />

      <FirstScreenSections state={first.state} onRetry={() => void first.reload()} />

      <Text className='home__heading home__heading-title home__heading--model'>经纬雁阵“六共”</Text>
      <View className='home__intro'>
        <Text className='home__intro-text'>
          {'区内学习是一场“挖宝”：每一位社区书记，都是讲述自家社区治理案例的内训师，也是萃取案例背后价值点的开发师。' +
            '市中区搭建经纬雁阵“六共”赋能平台，让一个个社区小宇宙在“遇见·碰撞·交融·生长”中，焕发“年轻态”、充满“烟火气”。'}
        </Text>
      </View>

      {SIX_TOGETHER.map((pillar) => (
        <View className='home__pillar' key={pillar.pair}>
          <View className='home__pillar-head'>
            <Text className='home__pillar-pair'>{pillar.pair}</Text>
            <Tag type='primary' plain className='home__pillar-motto'>
              {pillar.motto}
            </Tag>
          </View>
          <Text className='home__pillar-summary'>{pillar.summary}</Text>
          {pillar.facts.map((fact) => (
            <Text className='home__pillar-fact' key={fact}>
              {fact}
            </Text>
          ))}
        </View>
      ))}

      <Text className='home__footer'>“雁阵齐飞”，激发基层党建工作活力</Text>
    </PageShell>
  );
}
