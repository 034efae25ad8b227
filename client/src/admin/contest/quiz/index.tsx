import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OPTION_LETTERS, QUIZ_CATEGORIES, quizCategoryName, type QuizCategory } from '@yanzhen/domain';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { quizBank, quizRemoveQuestion, setEditingQuestion, type BankQuestion } from '../../../services/quiz';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { confirmAction, tell } from '../../confirm';
import '../../admin.scss';
import './index.scss';

type Filter = QuizCategory | 'all';
const FILTERS: { key: Filter; label: string }[] = [{ key: 'all', label: '全部' }, ...QUIZ_CATEGORIES.map((c) => ({ key: c.key, label: c.name }))];

function QuestionCard({ q, onEdit, onRemove }: { q: BankQuestion; onEdit: () => void; onRemove: () => void }) {
  return (
    <View className='adm-card quiz-bank__item' data-question={q._id}>
      <Text className='adm-badge adm-badge--wait quiz-bank__category'>{quizCategoryName(q.category)}</Text>
      <Text className='adm-card__name quiz-bank__text'>{q.text}</Text>
      {q.options.map((o, i) => (
        <Text key={o} className={`adm-card__meta quiz-bank__option${i === q.answer ? ' quiz-bank__option--right' : ''}`}>
          {OPTION_LETTERS[i]}. {o}
          {i === q.answer ? '（正确答案）' : ''}
        </Text>
      ))}
      {q.explanation ? <Text className='adm-card__meta'>解析：{q.explanation}</Text> : null}
      <View className='adm-card__actions'>
        <Button className='quiz-bank__edit' size='large' onClick={onEdit}>
          修改
        </Button>
        <Button className='quiz-bank__remove' size='large' onClick={onRemove}>
          删除
        </Button>
      </View>
    </View>
  );
}

/** 知识竞赛题库: the questions with their right answers (admins only), by category; add, edit, remove, import. */
export default function QuizBankPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const { state, reload } = useCloudQuery(() => quizBank(filter === 'all' ? undefined : filter, page));
  // Back from adding, editing or importing: read the bank again. The first show is the initial load.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });

  // Another category or page: load it (useCloudQuery loaded the first one itself).
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) void reload();
    mounted.current = true;
  }, [filter, page, reload]);

  const change = (f: Filter) => {
    setFilter(f);
    setPage(1);
  };
  const turn = (p: number) => setPage(p);
  const edit = (q: BankQuestion | null) => {
    setEditingQuestion(q);
    void Taro.navigateTo({ url: q ? `/admin/contest/quiz/edit/index?id=${q._id}` : '/admin/contest/quiz/edit/index' });
  };
  async function remove(q: BankQuestion) {
    if (!(await confirmAction('删除题目', `确定从题库中删除“${q.text.slice(0, 30)}”吗？已答过的答卷不受影响。`, '删除'))) return;
    const res = await quizRemoveQuestion(q._id);
    if (!res.ok) tell(res.error.message);
    await reload();
  }

  return (
    <PageShell className='adm-page quiz-bank'>
      <Text className='adm-intro'>知识竞赛从题库中为每位选手随机抽题。题目和答案只有管理员能看到；每次修改都记入操作记录。</Text>
      <View className='quiz-bank__tools'>
        <Button className='quiz-bank__add' type='primary' size='large' onClick={() => edit(null)}>
          添加题目
        </Button>
        <Button className='quiz-bank__import' size='large' onClick={() => void Taro.navigateTo({ url: '/admin/contest/quiz/import/index' })}>
          从 Excel 导入
        </Button>
      </View>
      <Chips options={FILTERS} value={filter} onChange={change} scroll />
      {state.status === 'loading' ? <LoadingView text='正在读取题库…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Text className='adm-card__meta quiz-bank__total'>
            {filter === 'all' ? '题库' : quizCategoryName(filter)}共 {state.data.total} 题
          </Text>
          {state.data.items.length === 0 ? (
            <Text className='adm-empty quiz-bank__empty'>这里还没有题目。点“添加题目”逐题录入，或下载模板后从 Excel 批量导入。</Text>
          ) : null}
          {state.data.items.map((q) => (
            <QuestionCard key={`${q._id}:${q.updatedAt}`} q={q} onEdit={() => edit(q)} onRemove={() => void remove(q)} />
          ))}
          {page > 1 || state.data.hasMore ? (
            <View className='quiz-bank__pages'>
              <Button size='large' disabled={page <= 1} onClick={() => turn(page - 1)}>
                上一页
              </Button>
              <Button size='large' disabled={!state.data.hasMore} onClick={() => turn(page + 1)}>
                下一页
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
