import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { dimensionName, scoringRuleText, sharedPlaces } from '@yanzhen/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDate } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { setPreferredContest } from '../../services/contest';
import { JudgeSheets } from './JudgeSheets';
import { RadarChart } from './RadarChart';
import { loadResults, type ResultsView } from './load-results';
import './index.scss';

const toVoting = (contestId: string) => {
  setPreferredContest(contestId);
  void Taro.switchTab({ url: '/pages/contest/index' });
};

/**
 * Test hooks: `.results__award` (data-tier, data-candidate), `.results__row` (data-candidate, data-place),
 * `.results__selected` (data-candidate), `.radar`.
 */
function Published({ view, onPick }: { view: ResultsView; onPick: (id: string) => void }) {
  const { contest, results, sheets } = view;
  const [selected, setSelected] = useState(results.ranking[0]?.candidateId ?? '');
  const places = sharedPlaces(results.ranking, results.rule.tieBreak);
  const tierOf = new Map(results.awards.map((a) => [a.candidateId, a.tier]));
  const tiers = contest.awards.map((t) => ({ tier: t.tier, winners: results.awards.filter((a) => a.tier === t.tier) })).filter((t) => t.winners.length);
  const index = Math.max(0, results.ranking.findIndex((r) => r.candidateId === selected));
  const chosen = results.ranking[index];
  const maxOf = new Map(contest.dimensions.map((d) => [d.key, d.maxScore]));

  return (
    <View className='results'>
      {view.published.length > 1 ? (
        <View className='results__switch'>
          {view.published.map((c) => (
            <Text key={c._id} className={`results__switch-item${c._id === contest._id ? ' results__switch-item--active' : ''}`} onClick={() => onPick(c._id)}>
              {c.year}年
            </Text>
          ))}
        </View>
      ) : null}
      <View className='results__head'>
        <Text className='results__title'>{contest.title}</Text>
        <Text className='results__theme'>主题：{contest.theme}</Text>
        <Text className='results__when'>{sheets.publishedAt ? `评审结果于${chinaDate(sheets.publishedAt)}公布` : '评审结果已公布'}</Text>
      </View>

      <View className='results__section'>
        <Text className='results__heading'>获奖名单</Text>
        {tiers.map((t) => (
          <View className='results__tier' key={t.tier}>
            <Text className='results__tier-name'>{t.tier}</Text>
            {t.winners.map((w) => (
              <View className='results__award' key={w.candidateId} data-tier={t.tier} data-candidate={w.candidateId} onClick={() => setSelected(w.candidateId)}>
                <Text className='results__award-name'>{w.name}</Text>
                <Text className='results__award-total'>{w.total} 分</Text>
              </View>
            ))}
          </View>
        ))}
      </View>

      {chosen ? (
        <View className='results__section results__selected' data-candidate={chosen.candidateId}>
          <Text className='results__heading'>{`${chosen.name} · 第 ${places[index]} 名 · ${chosen.total} 分`}</Text>
          <RadarChart name={chosen.name} dimensions={contest.dimensions.map((d) => ({ key: d.key, score: chosen.dimensions[d.key] ?? 0, maxScore: maxOf.get(d.key) ?? 100 }))} />
          <Text className='results__hint'>点选下方任一选手，查看其六个维度的得分。</Text>
        </View>
      ) : null}

      <View className='results__section'>
        <Text className='results__heading'>总分排名</Text>
        {results.ranking.map((r, i) => (
          <View
            className={`results__row${r.candidateId === chosen?.candidateId ? ' results__row--active' : ''}`}
            key={r.candidateId}
            data-candidate={r.candidateId}
            data-place={places[i]}
            onClick={() => setSelected(r.candidateId)}
          >
            <Text className={`results__place${tierOf.has(r.candidateId) ? ' results__place--award' : ''}`}>{places[i]}</Text>
            <Text className='results__name'>{r.name}</Text>
            {tierOf.has(r.candidateId) ? <Text className='results__badge'>{tierOf.get(r.candidateId)}</Text> : null}
            <Text className='results__total'>{r.total}</Text>
          </View>
        ))}
      </View>

      <View className='results__section'>
        <Text className='results__heading'>评审规则</Text>
        <Text className='results__text'>{scoringRuleText(results.rule)}</Text>
        <Text className='results__text'>{`各维度权重：${contest.dimensions.map((d) => `${dimensionName(d.key)} ${d.weight}%（满分 ${d.maxScore}）`).join('、')}；总分按百分制折算。`}</Text>
        <Text className='results__text'>网络投票仅反映人气，单独排列，不计入评委评审总分。</Text>
        <Text className='results__link' onClick={() => toVoting(contest._id)}>
          查看人气榜 ›
        </Text>
      </View>

      {sheets.sheetsPublic ? <JudgeSheets sheets={sheets.sheets} dimensions={contest.dimensions.map((d) => d.key)} /> : null}
    </View>
  );
}

/** 大比武评审结果 (`?id=<contestId>`): awards, ranking, each contestant's radar chart, the rule, public score sheets. */
export default function ContestResultsPage() {
  const router = useRouter();
  const wanted = useRef<string | null>(router.params.id ?? null);
  const { state, reload } = useCloudQuery(() => loadResults(wanted.current));
  const pick = (id: string) => {
    wanted.current = id;
    void reload();
  };
  useShareAppMessage(() => ({ title: '社区书记大比武评审结果', path: `/contest/results/index${wanted.current ? `?id=${wanted.current}` : ''}` }));

  return (
    <PageShell>
      {state.status === 'loading' ? <LoadingView text='正在加载评审结果…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && (!state.data || !state.data.results.published) ? (
        <EmptyState
          title='评审结果尚未公布'
          text='评委打分结束、结果公布后会在这里展示获奖名单和各维度得分'
          action='去投票页看看'
          onAction={() => toVoting(state.data?.contest._id ?? '')}
        />
      ) : null}
      {state.status === 'ready' && state.data?.results.published ? <Published view={state.data} key={state.data.contest._id} onPick={pick} /> : null}
    </PageShell>
  );
}
