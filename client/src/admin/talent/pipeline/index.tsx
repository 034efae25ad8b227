import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RESERVE_STAGE_NOTES, STREETS, VACANCY_POSTS, type Street, type VacancyPost } from '@yanzhen/domain';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { pipeline, proposeForVacancy, type VacancyCandidate } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { tell } from '../../confirm';
import { AddReserve } from './AddReserve';
import { ReserveCard } from './ReserveCard';
import '../../admin.scss';
import '../talent.scss';

const STREET_OPTIONS = STREETS.map((s) => ({ key: s, label: s }));
const POST_OPTIONS = VACANCY_POSTS.map((p) => ({ key: p, label: p }));
/** ASCII class names per stage, for styles and tests. */
const RESERVE_STAGE_KEYS = { 雏雁: 'chu', 青雁: 'qing', 头雁: 'tou' } as const;

/** The street's reserves by stage; remounted per street so a new street shows loading, never the old lists. */
function StreetPipeline({ street }: { street: Street }) {
  const { state, reload } = useCloudQuery(() => pipeline(street));
  if (state.status === 'loading') return <LoadingView text='正在读取后备力量…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  return (
    <View className='pipeline__stages'>
      {state.data.stages.map(({ stage, items }) => (
        <View key={stage} className={`pipeline__stage pipeline__stage--${RESERVE_STAGE_KEYS[stage]}`} data-stage={stage}>
          <Text className='adm-section-title'>{`${stage}（${items.length}）· ${RESERVE_STAGE_NOTES[stage]}`}</Text>
          {items.length === 0 ? <Text className='adm-empty'>{`${street}街道暂无${stage}。可从下一阶段中选人调整上来。`}</Text> : null}
          {items.map((row) => (
            <ReserveCard key={`${row._id}-${row.stage}`} row={row} onMoved={() => void reload()} />
          ))}
        </View>
      ))}
      <AddReserve street={street} onAdded={() => void reload()} />
    </View>
  );
}

/** 岗位空缺: the street's reserves first, from 头雁 down (the report: 优先从后备力量中产生新任人选). */
function Vacancy({ street }: { street: Street }) {
  const [post, setPost] = useState<VacancyPost>('两委委员');
  const [found, setFound] = useState<VacancyCandidate[] | null>(null);
  async function look() {
    const res = await proposeForVacancy(street, post);
    if (!res.ok) return tell(res.error.message);
    setFound(res.data.candidates);
  }
  return (
    <View className='vacancy'>
      <Text className='adm-section-title'>岗位空缺时推荐人选</Text>
      <Chips options={POST_OPTIONS} value={post} onChange={(p) => (setPost(p), setFound(null))} />
      <Button className='vacancy__look' type='primary' size='normal' onClick={() => void look()}>
        {`查看${street}街道${post}推荐人选`}
      </Button>
      {found ? (
        <View className='vacancy__list'>
          {found.length === 0 ? <Text className='adm-empty'>还没有后备人选，请先在各街道纳入后备力量。</Text> : null}
          {found.map((c) => (
            <Text key={c._id} className={`vacancy__item${c.sameStreet ? ' vacancy__item--own' : ''}`}>
              {`${c.rank}. ${c.name}（${c.stage}）${c.community}${c.sameStreet ? ' · 本街道优先' : ` · ${c.street}街道`}`}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 后备力量: the reserve pipeline 雏雁 → 青雁 → 头雁 per street, stage moves with reasons, vacancy proposals. */
export default function PipelinePage() {
  const [street, setStreet] = useState<Street>(STREETS[0]);
  return (
    <PageShell className='adm-page pipeline'>
      <Text className='adm-intro'>从优秀社工、专职网格员中发现后备力量，培育“雏雁”成“青雁”、推动“青雁”变“头雁”。每次调整都要写明原因和日期，记入成长轨迹。</Text>
      <Chips scroll options={STREET_OPTIONS} value={street} onChange={setStreet} className='pipeline__streets' />
      <StreetPipeline key={street} street={street} />
      <Vacancy key={`v-${street}`} street={street} />
    </PageShell>
  );
}
