import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Countdown } from '../../components/Countdown';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { usedUpText, useVoting } from '../../components/useVoting';
import { RemainingVotes, UsedUpNote, VoteNoticeBar } from '../../components/VoteNoticeBar';
import { chinaDate, voteRuleText } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { takePreferredContest } from '../../services/contest';
import type { Ranking } from '../../services/vote';
import { CandidateList } from './CandidateList';
import { ContestRules } from './ContestRules';
import { RankingList } from './RankingList';
import { loadBoard, type Board } from './load-board';
import './index.scss';

type Tab = 'candidates' | 'ranking' | 'rules';
const TABS: { key: Tab; label: string }[] = [
  { key: 'candidates', label: '候选书记' },
  { key: 'ranking', label: '人气榜' },
  { key: 'rules', label: '评选规则' },
];

/** The ranking with one more vote for `candidateId`, in the functions' order (most votes first, ties by id). */
function countOneVote(items: Ranking['items'], candidateId: string): Ranking['items'] {
  return items
    .map((i) => (i.candidateId === candidateId ? { ...i, votes: i.votes + 1 } : i))
    .sort((a, b) => b.votes - a.votes || a.candidateId.localeCompare(b.candidateId));
}

/** What a finished contest says where its candidates were: it is over, and which prizes were awarded. */
function finishedText(contest: Board['contest']): string {
  const awards = contest.awards.map((a) => `${a.tier} ${a.count} 名`).join('、');
  return contest.status === 'published' ? `评委评审结果已公布${awards ? `：${awards}` : ''}。` : '评委正在评审，结果将在这里公布。';
}

function BoardView({ board, onPick }: { board: Board; onPick: (id: string) => void }) {
  const { contest } = board;
  const [tab, setTab] = useState<Tab>('candidates');
  const [ranking, setRanking] = useState<Ranking>(board.ranking);
  // An accepted vote is counted into the ranking already shown; the ranking itself is read again only when
  // the board is (pull-to-refresh, another contest): a vote costs one call.
  const { quota, notice, busy, cast, refreshQuota, usedUp } = useVoting(contest.votingOpen ? contest._id : null, (candidateId) =>
    setRanking((r) => ({ ...r, items: countOneVote(r.items, candidateId) })),
  );
  // Pull-to-refresh hands over a new board: show its ranking and ask for today's quota again.
  const shownBoard = useRef(board);
  useEffect(() => {
    if (shownBoard.current === board) return;
    shownBoard.current = board;
    setRanking(board.ranking);
    void refreshQuota();
  }, [board]); // eslint-disable-line react-hooks/exhaustive-deps -- only when a new board arrives
  const notStarted = !contest.votingOpen && Date.parse(contest.voteStart) > Date.now();

  return (
    <View className='board'>
      {board.contests.length > 1 ? (
        <View className='board__switch'>
          {board.contests.map((c) => (
            <Text key={c._id} className={`board__switch-item${c._id === contest._id ? ' board__switch-item--active' : ''}`} onClick={() => onPick(c._id)}>
              {c.year}年{c.votingOpen ? '（投票中）' : ''}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='board__head'>
        <Text className='board__title'>{contest.title}</Text>
        <Text className='board__theme'>主题：{contest.theme}</Text>
        {contest.votingOpen ? (
          <Countdown endAt={contest.voteEnd} />
        ) : (
          <Text className='yz-countdown'>{notStarted ? `投票将于${chinaDate(contest.voteStart)}开始` : `投票已于${chinaDate(contest.voteEnd)}结束`}</Text>
        )}
      </View>

      {contest.votingOpen ? (
        <View className='board__quota'>
          <RemainingVotes remaining={quota ? quota.remainingToday : null} />
          <Text className='board__rule'>投票规则：{voteRuleText(contest.voteRule)}。一个微信号即一位投票人。</Text>
          <VoteNoticeBar notice={notice} />
          {usedUp ? <UsedUpNote text={usedUpText(contest.voteRule.perDay)} /> : null}
        </View>
      ) : null}

      <View className='board__tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`board__tab board__tab--${t.key}${tab === t.key ? ' board__tab--active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>

      {tab === 'candidates' ? (
        contest.status === 'published' ? (
          // Results published: the judged awards replace the candidates' vote buttons (contest/results).
          <EmptyState title='本届比武已圆满结束' text={finishedText(contest)} action='查看评审结果' onAction={() => void Taro.navigateTo({ url: `/contest/results/index?id=${contest._id}` })} />
        ) : board.candidates.length ? (
          <CandidateList
            candidates={board.candidates}
            votingOpen={contest.votingOpen}
            votedToday={quota?.votedToday ?? []}
            busy={busy}
            usedUp={usedUp}
            onVote={(c) => void cast(c._id, c.name)}
          />
        ) : contest.status === 'published' || (!contest.votingOpen && !notStarted) ? (
          <EmptyState title='本届比武已圆满结束' text={finishedText(contest)} action='看看书记风采' onAction={() => void Taro.switchTab({ url: '/pages/showcases/index' })} />
        ) : (
          <EmptyState title='候选书记还在审核中' text='审核通过后会在这里公布' action='先看看书记风采' onAction={() => void Taro.switchTab({ url: '/pages/showcases/index' })} />
        )
      ) : null}
      {tab === 'ranking' ? <RankingList ranking={ranking} /> : null}
      {tab === 'rules' ? <ContestRules contest={contest} /> : null}
    </View>
  );
}

/** 投票 tab (optional `?id=<contestId>`): candidates with vote buttons, today's votes, the rule, the ranking. */
export default function ContestPage() {
  const router = useRouter();
  // A ref, not state: the loader reads the latest choice when the visitor picks another contest.
  const wanted = useRef<string | null>(router.params.id ?? takePreferredContest());
  const { state, reload } = useCloudQuery(() => loadBoard(wanted.current));

  const pick = (id: string) => {
    wanted.current = id;
    void reload();
  };
  useDidShow(() => {
    const next = takePreferredContest();
    if (next && next !== wanted.current) pick(next);
  });
  useShareAppMessage(() => ({ title: '社区书记大比武 · 为书记点赞', path: '/pages/contest/index' }));

  return (
    <PageShell>
      {state.status === 'loading' ? <LoadingView text='正在加载投票…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && !state.data ? (
        <EmptyState title='现在没有进行中的投票' text='大比武开始投票后会在这里公布' action='先看看书记风采' onAction={() => void Taro.switchTab({ url: '/pages/showcases/index' })} />
      ) : null}
      {state.status === 'ready' && state.data ? <BoardView board={state.data} key={`${state.data.contest._id}`} onPick={pick} /> : null}
    </PageShell>
  );
}
