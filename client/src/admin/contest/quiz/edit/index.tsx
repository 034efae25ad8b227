import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { MAX_OPTIONS, OPTION_LETTERS, QUIZ_CATEGORIES, type QuizCategory } from '@yanzhen/domain';
import { PageShell } from '../../../../components/PageShell';
import { quizSaveQuestion, takeEditingQuestion } from '../../../../services/quiz';
import { Button } from '../../../../ui/nutui';
import { Chips } from '../../../components/Chips';
import '../../../admin.scss';
import '../index.scss';

interface Draft {
  questionId?: string;
  text: string;
  options: string[];
  answer: number;
  category: QuizCategory;
  explanation: string;
}

const EMPTY: Draft = { text: '', options: ['', '', '', ''], answer: 0, category: 'basics', explanation: '' };

/** Adds a question, or edits the one the bank list handed over; the right option is the letter tapped. */
export default function QuizEditPage() {
  const [draft, setDraft] = useState<Draft>(() => {
    const q = takeEditingQuestion();
    return q ? { questionId: q._id, text: q.text, options: [...q.options], answer: q.answer, category: q.category, explanation: q.explanation ?? '' } : EMPTY;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setOption = (i: number, value: string) => set({ options: draft.options.map((o, k) => (k === i ? value : o)) });
  const removeOption = (i: number) =>
    set({ options: draft.options.filter((_, k) => k !== i), answer: draft.answer === i ? 0 : draft.answer > i ? draft.answer - 1 : draft.answer });

  async function save() {
    setBusy(true);
    setError(null);
    const res = await quizSaveQuestion({
      ...(draft.questionId ? { questionId: draft.questionId } : {}),
      text: draft.text,
      options: draft.options.map((o) => o.trim()),
      answer: draft.answer,
      category: draft.category,
      ...(draft.explanation.trim() ? { explanation: draft.explanation } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      const detail = Array.isArray(res.error.details) ? (res.error.details as { message?: string }[]).map((d) => d.message).filter(Boolean).join('；') : '';
      setError(detail ? `${res.error.message}：${detail}` : res.error.message);
      return;
    }
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void Taro.navigateBack();
  }

  return (
    <PageShell className='adm-page quiz-edit'>
      <View className='quiz-form'>
        <Text className='quiz-form__label'>题目</Text>
        <Textarea className='quiz-form__textarea quiz-edit__text' value={draft.text} maxlength={300} placeholder='例如：预备党员的预备期为多长时间？' onInput={(e) => set({ text: e.detail.value })} />
        <Text className='quiz-form__label'>选项（点字母设为正确答案）</Text>
        {draft.options.map((o, i) => (
          <View key={i} className='quiz-form__option'>
            <Text className={`quiz-form__letter${draft.answer === i ? ' quiz-form__letter--on' : ''} quiz-edit__answer`} data-option={i} onClick={() => set({ answer: i })}>
              {OPTION_LETTERS[i]}
            </Text>
            <Input className='quiz-form__input quiz-edit__option' value={o} maxlength={100} placeholder={`选项${OPTION_LETTERS[i]}`} onInput={(e) => setOption(i, e.detail.value)} />
            {draft.options.length > 2 ? (
              <Button className='quiz-form__drop' onClick={() => removeOption(i)}>
                删除
              </Button>
            ) : null}
          </View>
        ))}
        {draft.options.length < MAX_OPTIONS ? (
          <Button size='large' onClick={() => set({ options: [...draft.options, ''] })}>
            添加选项
          </Button>
        ) : null}
        <Text className='quiz-form__hint'>正确答案：{OPTION_LETTERS[draft.answer]}</Text>
        <Text className='quiz-form__label'>类别</Text>
        <Chips options={QUIZ_CATEGORIES.map((c) => ({ key: c.key, label: c.name }))} value={draft.category} onChange={(category) => set({ category })} />
        <Text className='quiz-form__label'>解析（选填，只有管理员能看到）</Text>
        <Textarea className='quiz-form__textarea' value={draft.explanation} maxlength={300} onInput={(e) => set({ explanation: e.detail.value })} />
        {error ? <Text className='quiz-form__error'>{error}</Text> : null}
        <Button className='quiz-edit__save' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </PageShell>
  );
}
