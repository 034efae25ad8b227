import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { EmptyState } from '../components/EmptyState';
import { PageShell } from '../components/PageShell';
import { ErrorView, LoadingView } from '../components/StatusView';
import { chinaDateTime, streetText } from '../components/format';
import { useCloudQuery, useCloudQueryFor } from '../hooks/useCloudQuery';
import { judgeContestants, judgeRounds, type JudgeRound } from '../services/judging';
import { communityText, contestantBadge, scorePageUrl } from './routes';
import './judge.scss';

/** `shows`: how often the page came back into view (the page counts them), to load her scores again. */
function Contestants({ round, shows }: { round: JudgeRound; shows: number }) {
  // Another round chosen, or back from the scoring page (navigateBack keeps this page): load again.
  const { state, reload } = useCloudQueryFor(() => judgeContestants(round.contestId, round.roundKey), [round.contestId, round.roundKey, shows]);

  if (state.status === 'loading') return <LoadingView text='正在读取选手…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const { items, round: r, scoringOpen, scoringStart, scoringEnd } = state.data;
  const counted = items.filter((c) => !c.recusal);
  const done = counted.filter((c) => c.myScore).length;
  return (
    <View className='jdg-contestants'>
      <View className='jdg-head'>
        <Text className='jdg-head__title'>{`${state.data.contest.title} · ${r.form}`}</Text>
        <Text className='jdg-head__meta jdg-progress'>{`已评 ${done} / ${counted.length} 位选手`}</Text>
        {scoringStart && scoringEnd ? <Text className='jdg-head__meta'>{`评分时间：${chinaDateTime(scoringStart)} 至 ${chinaDateTime(scoringEnd)}`}</Text> : null}
      </View>
      {r.locked ? <Text className='jdg-note jdg-note--locked jdg-locked'>本轮已锁定，评分不能再修改。您仍可查看自己的打分。</Text> : null}
      {!r.locked && !scoringOpen ? <Text className='jdg-note jdg-note--locked'>现在不在评分时间内，打分暂不可提交。</Text> : null}
      {items.length === 0 ? <EmptyState title='本轮还没有参赛选手' text='报名审核通过的书记会出现在这里，下拉可刷新。' /> : null}
      {items.map((c) => {
        const badge = contestantBadge(c);
        return (
          <View
            key={c.candidateId}
            className={`jdg-row jdg-contestant${c.recusal ? ' jdg-row--recused' : ''}`}
            data-candidate={c.candidateId}
            onClick={() => void Taro.navigateTo({ url: scorePageUrl(round.contestId, round.roundKey, c.candidateId) })}
          >
            <View className='jdg-row__who'>
              <Text className='jdg-row__name'>{c.name}</Text>
              <Text className='jdg-row__meta'>{`${communityText(c.community)} · ${streetText(c.street)}`}</Text>
            </View>
            <Text className={`jdg-badge jdg-badge--${badge.kind}`}>{`${badge.text} ›`}</Text>
          </View>
        );
      })}
    </View>
  );
}

function Rounds({ rounds, shows }: { rounds: JudgeRound[]; shows: number }) {
  const keyOf = (r: JudgeRound) => `${r.contestId}|${r.roundKey}`;
  // The first round still open comes first: that is the one a judge opens this page for.
  const [selected, setSelected] = useState(keyOf(rounds.find((r) => !r.locked) ?? rounds[0]));
  const round = rounds.find((r) => keyOf(r) === selected) ?? rounds[0];
  return (
    <View>
      {rounds.length > 1 ? (
        <ScrollView scrollX className='jdg-rounds'>
          <View className='jdg-rounds__row'>
            {rounds.map((r) => (
              <Text key={keyOf(r)} className={`jdg-chip${keyOf(r) === selected ? ' jdg-chip--on' : ''}`} data-key={keyOf(r)} onClick={() => setSelected(keyOf(r))}>
                {`${r.form}${r.locked ? '（已锁定）' : ''}`}
              </Text>
            ))}
          </View>
        </ScrollView>
      ) : null}
      <Contestants round={round} shows={shows} />
    </View>
  );
}

/** 评委打分: the rounds this judge scores and, for the chosen one, its contestants with her progress. */
export default function JudgePage() {
  const { state, reload } = useCloudQuery(judgeRounds);
  // Counts the page's returns into view (not its first show), for the contestant list to reload.
  const [shows, setShows] = useState(0);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setShows((n) => n + 1);
    shown.current = true;
  });
  return (
    <PageShell className='jdg-page'>
      <Text className='jdg-intro'>为所评轮次的选手逐项打分。本轮锁定前可以修改；您只能看到自己的打分。与选手同街道时自动回避，其他利益关系请在打分页申报回避。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取评审轮次…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <EmptyState title='您还没有需要评分的轮次' text='管理员把您分配到比武轮次后，选手会出现在这里。' action='返回我的' onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })} />
      ) : null}
      {state.status === 'ready' && state.data.items.length ? <Rounds rounds={state.data.items} shows={shows} /> : null}
    </PageShell>
  );
}
