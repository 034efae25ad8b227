import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { chinaDateTime } from '../../components/format';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { quizStart, quizStatus, quizSubmit, type QuizPaper, type QuizResult, type QuizRoundStatus } from '../../services/quiz';
import { Button } from '../../ui/nutui';
import { QuizPaperView } from './QuizPaperView';
import '../secretary.scss';
import './index.scss';

const minutes = (seconds: number): string => (seconds % 60 === 0 ? `${seconds / 60} 分钟` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`);

function ResultCard({ title, result }: { title: string; result: Pick<QuizResult, 'score' | 'correct' | 'total'> }) {
  return (
    <View className='sec-card quiz-result'>
      <Text className='quiz-result__title'>{title}</Text>
      <Text className='quiz-result__score'>{result.score} 分</Text>
      <Text className='sec-card__hint'>
        答对 {result.correct} / {result.total} 题。成绩已记入本次大比武的知识竞赛轮次，结果公布时与评委评分一并计算。
      </Text>
    </View>
  );
}

/** Before starting: the rules as stated, or why the quiz cannot be taken (again). */
function Intro({ round, busy, error, onStart }: { round: QuizRoundStatus; busy: boolean; error: string | null; onStart: () => void }) {
  const a = round.attempt;
  if (a?.status === 'submitted') return <ResultCard title='您已提交答卷' result={{ score: a.score ?? 0, correct: a.correct ?? 0, total: a.total ?? 0 }} />;
  return (
    <View className='sec-card quiz-intro'>
      <Text className='sec-card__title'>{round.contestTitle} · 知识竞赛</Text>
      <View className='quiz-rules'>
        <Text className='quiz-rules__item'>· 共 {round.rules.questionCount} 道单选题，从题库中随机抽取</Text>
        <Text className='quiz-rules__item'>· 限时 {minutes(round.rules.timeLimitSeconds)}，开始后计时，中途退出不停表</Text>
        <Text className='quiz-rules__item'>· 每人只能答一次，提交后不能修改；时间到自动提交</Text>
        <Text className='quiz-rules__item'>· 按答对题数折算为百分制成绩</Text>
        {round.window ? <Text className='quiz-rules__item'>· 答题开放至 {chinaDateTime(round.window.end)}</Text> : null}
      </View>
      {a?.status === 'expired' ? <Text className='sec-error'>答题时间已到，未在规定时间内提交答卷。</Text> : null}
      {!round.open && !a ? <Text className='sec-error'>知识竞赛目前不在答题时间内。</Text> : null}
      {error ? <Text className='sec-error'>{error}</Text> : null}
      {round.open && a?.status !== 'expired' ? (
        <Button className='quiz-intro__start' type='primary' size='large' block loading={busy} disabled={busy} onClick={onStart}>
          {a?.status === 'started' ? '继续答题' : '开始答题'}
        </Button>
      ) : null}
    </View>
  );
}

/**
 * 知识竞赛: an approved contestant takes the quiz round once. The questions come from the server without answers;
 * the score comes back only after the paper is submitted.
 */
export default function QuizPage() {
  const { params } = useRouter();
  const { state, reload } = useCloudQuery(quizStatus);
  const [paper, setPaper] = useState<QuizPaper | null>(null);
  const [result, setResult] = useState<QuizResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rounds = state.status === 'ready' ? state.data.items : [];
  const round = rounds.find((r) => r.contestId === params.contestId && r.roundKey === params.roundKey) ?? rounds.find((r) => r.open) ?? rounds[0];

  async function start(r: QuizRoundStatus) {
    setBusy(true);
    setError(null);
    const res = await quizStart(r.contestId, r.roundKey);
    setBusy(false);
    if (res.ok) setPaper(res.data);
    else {
      setError(res.error.message);
      void reload();
    }
  }

  async function submit(answers: (number | null)[], auto: boolean) {
    if (!paper) return;
    if (!auto) {
      const blank = answers.filter((a) => a === null).length;
      const { confirm } = await Taro.showModal({
        title: '提交答卷',
        content: blank > 0 ? `还有 ${blank} 题未作答，提交后不能修改。确定提交吗？` : '提交后不能修改。确定提交吗？',
        confirmText: '提交',
        confirmColor: '#C8161D',
        cancelText: '再看看',
      }).catch(() => ({ confirm: false }));
      if (!confirm) return;
    }
    setBusy(true);
    setError(null);
    const res = await quizSubmit(paper.contestId, paper.roundKey, answers);
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setPaper(null);
    } else setError(res.error.message);
  }

  return (
    <PageShell className='sec-page quiz-page'>
      {state.status === 'loading' ? <LoadingView text='正在读取知识竞赛…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {result ? <ResultCard title='答卷已提交' result={result} /> : null}
      {!result && paper ? <QuizPaperView paper={paper} busy={busy} error={error} onSubmit={(answers, auto) => void submit(answers, auto)} /> : null}
      {!result && !paper && state.status === 'ready' && round ? <Intro round={round} busy={busy} error={error} onStart={() => void start(round)} /> : null}
      {state.status === 'ready' && !round ? (
        <View className='sec-card quiz-empty'>
          <Text className='sec-card__title'>暂无知识竞赛</Text>
          <Text className='sec-card__hint'>报名大比武并通过审核后，知识竞赛轮次开放时可在这里答题。</Text>
          <Button size='large' onClick={() => void Taro.navigateTo({ url: '/secretary/contest-registration/index' })}>
            去报名大比武
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
