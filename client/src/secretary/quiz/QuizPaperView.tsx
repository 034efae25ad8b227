import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OPTION_LETTERS, quizCategoryName } from '@yanzhen/domain';
import { remainingText } from '../../components/Countdown';
import type { QuizPaper } from '../../services/quiz';
import { Button } from '../../ui/nutui';

interface Props {
  paper: QuizPaper;
  busy: boolean;
  error: string | null;
  onSubmit: (answers: (number | null)[], auto: boolean) => void;
}

/** Milliseconds left on the server's clock (the phone's clock corrected by the server time of the start answer). */
function useTimeLeft(deadline: string, serverNow: string): number {
  const skew = useRef(Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + skew.current);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skew.current), 1000);
    return () => clearInterval(timer);
  }, []);
  return Date.parse(deadline) - now;
}

/**
 * The paper: one question per screen with large option cards, a row of numbers to jump between questions
 * (answered ones filled), and the countdown. When time runs out the answers given so far are submitted.
 */
/** Choices so far are kept on the phone per attempt: reopening the page (继续答题) brings them back. */
const draftKey = (attemptId: string) => `yz.quiz.${attemptId}`;

function savedAnswers(paper: QuizPaper): (number | null)[] {
  try {
    const saved: unknown = Taro.getStorageSync(draftKey(paper.attemptId));
    if (Array.isArray(saved) && saved.length === paper.questions.length) return saved.map((a) => (typeof a === 'number' ? a : null));
  } catch {
    // no storage: start blank
  }
  return paper.questions.map(() => null);
}

export function QuizPaperView({ paper, busy, error, onSubmit }: Props) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => savedAnswers(paper));
  const [index, setIndex] = useState(0);
  const left = useTimeLeft(paper.deadline, paper.serverNow);
  const autoSent = useRef(false);
  const q = paper.questions[index];
  const unanswered = answers.filter((a) => a === null).length;

  useEffect(() => {
    if (left <= 0 && !autoSent.current) {
      autoSent.current = true;
      onSubmit(answers, true);
    }
  }, [left <= 0]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when time runs out

  const choose = (option: number) =>
    setAnswers((prev) => {
      const next = prev.map((a, i) => (i === index ? option : a));
      Taro.setStorage({ key: draftKey(paper.attemptId), data: next }).catch(() => undefined);
      return next;
    });

  return (
    <View className='quiz-paper'>
      <View className={`quiz-paper__clock${left < 60_000 ? ' quiz-paper__clock--low' : ''}`}>
        <Text className='quiz-paper__left'>{left > 0 ? `剩余 ${remainingText(left).replace(/^00时 /, '')}` : '答题时间到'}</Text>
        <Text className='quiz-paper__progress'>
          第 {index + 1} / {paper.questions.length} 题
        </Text>
      </View>

      <View className='quiz-question' data-question={q.id}>
        <Text className='quiz-question__category'>{quizCategoryName(q.category)}</Text>
        <Text className='quiz-question__text'>
          {index + 1}. {q.text}
        </Text>
        {q.options.map((option, i) => (
          <View
            key={option}
            className={`quiz-option${answers[index] === i ? ' quiz-option--on' : ''}`}
            data-option={i}
            onClick={() => choose(i)}
          >
            <Text className='quiz-option__letter'>{OPTION_LETTERS[i]}</Text>
            <Text className='quiz-option__text'>{option}</Text>
          </View>
        ))}
      </View>

      <View className='quiz-paper__nav'>
        <Button className='quiz-paper__prev' size='large' disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </Button>
        {index < paper.questions.length - 1 ? (
          <Button className='quiz-paper__next' type='primary' size='large' onClick={() => setIndex(index + 1)}>
            下一题
          </Button>
        ) : null}
      </View>

      <View className='quiz-dots'>
        {paper.questions.map((item, i) => (
          <Text
            key={item.id}
            className={`quiz-dot${answers[i] !== null ? ' quiz-dot--done' : ''}${i === index ? ' quiz-dot--here' : ''}`}
            onClick={() => setIndex(i)}
          >
            {i + 1}
          </Text>
        ))}
      </View>

      {error ? <Text className='sec-error quiz-paper__error'>{error}</Text> : null}
      <Text className='quiz-paper__hint'>{unanswered > 0 ? `还有 ${unanswered} 题未作答。提交后不能修改。` : '全部作答完毕。提交后不能修改。'}</Text>
      <Button className='quiz-paper__submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => onSubmit(answers, false)}>
        提交答卷
      </Button>
    </View>
  );
}
