import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorView, LoadingView } from '../components/StatusView';
import { useCloudQuery } from '../hooks/useCloudQuery';
import { Button } from '../ui/nutui';
import { addComment, answerQuestion, askQuestion, loadSalonQa, markOnSite, upvoteQuestion, type SalonQaData, type SalonQuestion } from './qa-api';
import './SalonQa.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** One question: text, who asked, upvotes, the presenters' answers, and what this viewer may do with it. */
function QuestionItem({ q, viewer, onChanged }: { q: SalonQuestion; viewer: SalonQaData['viewer']; onChanged: () => Promise<void> }) {
  const [answering, setAnswering] = useState(false);
  const mine = q.answers.find((a) => a.secretaryId === viewer.secretaryId);
  const [draft, setDraft] = useState(mine?.text ?? '');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    const res = await work();
    setBusy(false);
    if (!res.ok) toast(res.error?.message ?? '操作没有成功');
    await onChanged();
    return res.ok;
  };

  return (
    <View className='salon-qa__question'>
      <Text className='salon-qa__text'>{q.text}</Text>
      <View className='salon-qa__meta'>
        <Text className='salon-qa__asker'>{q.askerLabel} 提问</Text>
        {q.answeredOnSite ? <Text className='salon-qa__badge'>现场已答复</Text> : null}
      </View>
      {q.answers.map((a) => (
        <View className='salon-qa__answer' key={a.secretaryId}>
          <Text className='salon-qa__answer-by'>{a.name} 答：</Text>
          <Text className='salon-qa__answer-text'>{a.text}</Text>
        </View>
      ))}
      <View className='salon-qa__actions'>
        <View
          className={`salon-qa__upvote${q.voted ? ' salon-qa__upvote--on' : ''}`}
          onClick={() => {
            if (q.voted) return toast('您已经点过赞了');
            if (!viewer.canUpvote) return toast('本期沙龙已结束，不能再点赞了');
            void run(() => upvoteQuestion(q._id));
          }}
        >
          <Text>{q.voted ? '已赞同' : '赞同'} {q.upvotes}</Text>
        </View>
        {viewer.canAnswer ? (
          <View className='salon-qa__link salon-qa__answer-toggle' onClick={() => setAnswering(!answering)}>
            <Text>{mine ? '修改回答' : '回答'}</Text>
          </View>
        ) : null}
        {viewer.canMarkOnSite ? (
          <View className='salon-qa__link salon-qa__onsite' onClick={() => void run(() => markOnSite(q._id, !q.answeredOnSite))}>
            <Text>{q.answeredOnSite ? '取消现场答复' : '标记现场已答复'}</Text>
          </View>
        ) : null}
      </View>
      {answering ? (
        <View className='salon-qa__form'>
          <Textarea className='salon-qa__textarea salon-qa__answer-input' value={draft} maxlength={1000} placeholder='写下您的回答' onInput={(e) => setDraft(e.detail.value)} />
          <Button
            className='salon-qa__submit salon-qa__answer-submit'
            type='primary'
            disabled={busy || !draft.trim()}
            onClick={() => void run(() => answerQuestion(q._id, draft.trim())).then((done) => done && setAnswering(false))}
          >
            提交回答
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** An admin records what a department or expert said about a case. */
function CommentForm({ salonId, cases, onDone }: { salonId: string; cases: SalonQaData['cases']; onDone: () => Promise<void> }) {
  const [caseId, setCaseId] = useState<string | null>(null);
  const [department, setDepartment] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const res = await addComment(salonId, caseId, department.trim(), text.trim());
    setBusy(false);
    if (!res.ok) return toast(res.error.message);
    setText('');
    await onDone();
  };
  return (
    <View className='salon-qa__form salon-qa__comment-form'>
      <Text className='salon-qa__hint'>代部门记录点评（选择所评案例）</Text>
      <View className='salon-qa__chips'>
        {[{ secretaryId: null, caseTitle: '整场沙龙' }, ...cases].map((c) => (
          <View key={c.secretaryId ?? 'all'} className={`salon-qa__chip${caseId === c.secretaryId ? ' salon-qa__chip--on' : ''}`} onClick={() => setCaseId(c.secretaryId)}>
            <Text>{c.caseTitle}</Text>
          </View>
        ))}
      </View>
      <Input className='salon-qa__input salon-qa__department' value={department} maxlength={30} placeholder='部门或专家，如 区住建局' onInput={(e) => setDepartment(e.detail.value)} />
      <Textarea className='salon-qa__textarea salon-qa__comment-input' value={text} maxlength={1000} placeholder='点评内容' onInput={(e) => setText(e.detail.value)} />
      <Button className='salon-qa__submit salon-qa__comment-submit' type='primary' disabled={busy || !department.trim() || !text.trim()} onClick={() => void submit()}>
        记录点评
      </Button>
    </View>
  );
}

/** 你问我答 on a salon's page: questions with upvotes, the ask box, presenters' answers, department comments. */
export function SalonQa({ salonId }: { salonId: string }) {
  const { state, reload } = useCloudQuery(() => loadSalonQa(salonId));
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <LoadingView text='正在加载你问我答…' />;
  if (state.status === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const { items, comments, viewer, cases, open } = state.data;

  const ask = async () => {
    setBusy(true);
    const res = await askQuestion(salonId, question.trim());
    setBusy(false);
    if (!res.ok) return toast(res.error.message);
    setQuestion('');
    toast('问题已提交');
    await reload();
  };

  return (
    <View className='salon-qa'>
      <Text className='salon-qa__title'>你问我答</Text>
      {viewer.canAsk ? (
        <View className='salon-qa__form salon-qa__ask'>
          <Textarea className='salon-qa__textarea salon-qa__ask-input' value={question} maxlength={300} placeholder='向主讲书记提个问题（会前、会中都可以）' onInput={(e) => setQuestion(e.detail.value)} />
          <Button className='salon-qa__submit salon-qa__ask-submit' type='primary' disabled={busy || !question.trim()} onClick={() => void ask()}>
            提交问题
          </Button>
        </View>
      ) : open ? (
        <Text className='salon-qa__hint'>绑定社区书记身份后可以提问；所有人都可以为问题点赞。</Text>
      ) : null}
      {items.length === 0 ? <Text className='salon-qa__empty'>{open ? '还没有人提问，来提第一个问题吧' : '本期沙龙没有记录提问'}</Text> : null}
      {items.map((q) => (
        <QuestionItem key={q._id} q={q} viewer={viewer} onChanged={reload} />
      ))}

      <Text className='salon-qa__title'>部门点评</Text>
      {comments.length === 0 ? <Text className='salon-qa__empty'>暂无部门点评</Text> : null}
      {comments.map((c) => (
        <View className='salon-qa__comment' key={c._id}>
          <Text className='salon-qa__comment-by'>
            {c.department}
            {c.speaker ? ` · ${c.speaker}` : ''}
          </Text>
          {c.caseTitle ? <Text className='salon-qa__comment-case'>点评案例：{c.caseTitle}</Text> : null}
          <Text className='salon-qa__comment-text'>{c.text}</Text>
        </View>
      ))}
      {viewer.canComment ? <CommentForm salonId={salonId} cases={cases} onDone={reload} /> : null}
    </View>
  );
}

export default SalonQa;
