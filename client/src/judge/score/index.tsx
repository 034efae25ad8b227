import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { dimensionName, type DimensionKey } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTime, streetText } from '../../components/format';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { declareConflict, judgeContestants, submitScore, type ContestDimension, type JudgeContestant, type JudgeRoundView } from '../../services/judging';
import { Button } from '../../ui/nutui';
import { communityText, scorePageUrl } from '../routes';
import '../judge.scss';

type Draft = Partial<Record<DimensionKey, string>>;

const draftOf = (c: JudgeContestant): Draft =>
  Object.fromEntries(Object.entries(c.myScore?.dimensions ?? {}).map(([k, v]) => [k, String(v)]));

/** A typed score as a number, or why it is not one yet. */
function parseScore(text: string | undefined, max: number): { value?: number; error?: string } {
  const t = (text ?? '').trim();
  if (!t) return { error: '请打分' };
  const n = Number(t);
  if (!Number.isFinite(n) || !/^\d+(\.\d)?$/.test(t)) return { error: '请填写 0 以上的分数，最多一位小数' };
  if (n > max) return { error: `不能超过满分 ${max} 分` };
  return { value: n };
}

/** − [score] + for one dimension, within 0 and its maximum. */
function DimensionStepper({ dimension, text, disabled, onChange }: { dimension: ContestDimension; text: string | undefined; disabled: boolean; onChange: (text: string) => void }) {
  const current = Number(text ?? '') || 0;
  const step = (delta: number) => {
    if (disabled) return;
    const base = text?.trim() ? current : Math.round(dimension.maxScore * 0.8);
    onChange(String(Math.min(dimension.maxScore, Math.max(0, Math.round(base + delta)))));
  };
  const problem = text?.trim() ? parseScore(text, dimension.maxScore).error : undefined;
  return (
    <View className={`jdg-dim jdg-dim--${dimension.key}`}>
      <View className='jdg-dim__head'>
        <Text className='jdg-dim__name'>{dimensionName(dimension.key)}</Text>
        <Text className='jdg-dim__max'>{`满分 ${dimension.maxScore} 分 · 权重 ${dimension.weight}%`}</Text>
      </View>
      <View className='jdg-stepper'>
        <Text className={`jdg-stepper__btn jdg-stepper__minus${disabled ? ' jdg-stepper__btn--off' : ''}`} onClick={() => step(-1)}>
          −
        </Text>
        <Input className='jdg-stepper__input' type='digit' disabled={disabled} value={text ?? ''} placeholder={`0–${dimension.maxScore}`} onInput={(e) => onChange(e.detail.value)} />
        <Text className={`jdg-stepper__btn jdg-stepper__plus${disabled ? ' jdg-stepper__btn--off' : ''}`} onClick={() => step(1)}>
          +
        </Text>
      </View>
      {problem ? <Text className='jdg-dim__error'>{problem}</Text> : null}
    </View>
  );
}

function ScoreForm({ view, contestant, onSaved }: { view: JudgeRoundView; contestant: JudgeContestant; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(draftOf(contestant));
  const [note, setNote] = useState(contestant.myScore?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(contestant.myScore ? contestant.myScore.updatedAt : null);
  const [dirty, setDirty] = useState(false);
  const readOnly = view.round.locked || !view.scoringOpen;
  const dims = view.contest.dimensions;

  async function save() {
    const parsed = dims.map((d) => ({ key: d.key, ...parseScore(draft[d.key], d.maxScore) }));
    const bad = parsed.find((p) => p.error);
    if (bad) return setError(`${dimensionName(bad.key)}：${bad.error}`);
    setBusy(true);
    setError(null);
    const res = await submitScore(view.contest._id, view.round.key, contestant.candidateId, Object.fromEntries(parsed.map((p) => [p.key, p.value])), note);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setSaved(res.data.updatedAt);
    setDirty(false);
    await onSaved();
  }

  // The next contestant she has not scored yet (and is not recused from), to go on without the list.
  const next = view.items.find((c) => c.candidateId !== contestant.candidateId && !c.recusal && !c.myScore);
  const edit = (key: DimensionKey) => (text: string) => {
    setDraft({ ...draft, [key]: text });
    setDirty(true);
  };
  return (
    <View className='jdg-form'>
      {view.round.locked ? <Text className='jdg-note jdg-note--locked jdg-locked'>本轮已锁定，评分不能再修改。</Text> : null}
      {!view.round.locked && !view.scoringOpen ? <Text className='jdg-note jdg-note--locked'>现在不在评分时间内，打分暂不可提交。</Text> : null}
      {saved && !dirty ? <Text className='jdg-note jdg-note--ok jdg-saved'>{`已保存（${chinaDateTime(saved)}）${readOnly ? '' : '，本轮锁定前仍可修改'}`}</Text> : null}
      {dims.map((d) => (
        <DimensionStepper key={d.key} dimension={d} text={draft[d.key]} disabled={readOnly} onChange={edit(d.key)} />
      ))}
      <Text className='jdg-label'>评语（选填，仅管理员可见）</Text>
      <Textarea className='jdg-textarea jdg-note-input' disabled={readOnly} value={note} maxlength={200} placeholder='如：述职材料扎实，网格化治理有特色' onInput={(e) => {
        setNote(e.detail.value);
        setDirty(true);
      }} />
      {error ? <Text className='jdg-note jdg-note--locked jdg-error'>{error}</Text> : null}
      {readOnly ? null : (
        <View className='jdg-actions'>
          <Button className='jdg-save' type='primary' block disabled={busy} onClick={() => void save()}>
            {busy ? '正在保存…' : saved ? '保存修改' : '提交打分'}
          </Button>
          {saved && !dirty && next ? (
            <Button className='jdg-next' block onClick={() => void Taro.redirectTo({ url: scorePageUrl(view.contest._id, view.round.key, next.candidateId) })}>
              {`下一位：${next.name}`}
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

function Recused({ contestant }: { contestant: JudgeContestant }) {
  return (
    <Text className='jdg-note jdg-note--locked jdg-recused'>
      {contestant.recusal === 'same-street' ? '该选手与您同属一个街道，您已自动回避，无需打分。' : '您已申报回避该选手，无需打分。'}
    </Text>
  );
}

/** 逐项打分: one contestant, a stepper per dimension within its maximum, an optional note; saved / locked states. */
export default function ScorePage() {
  const { contestId = '', roundKey = '', candidateId = '' } = useRouter().params;
  const load = useCallback(() => judgeContestants(contestId, roundKey), [contestId, roundKey]);
  const { state, reload } = useCloudQuery(load);
  const [declaring, setDeclaring] = useState<string | null>(null);
  const contestant = state.status === 'ready' ? state.data.items.find((c) => c.candidateId === candidateId) : undefined;

  async function declare() {
    const res = await declareConflict(contestId, candidateId, declaring ?? '');
    if (!res.ok) return void Taro.showModal({ title: '提示', content: res.error.message, showCancel: false, confirmText: '知道了' });
    setDeclaring(null);
    await reload();
  }

  return (
    <PageShell className='jdg-page jdg-score'>
      {state.status === 'loading' ? <LoadingView text='正在打开打分表…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && !contestant ? <ErrorView error={{ code: 'not-found', message: '找不到该选手，可能已不在本轮名单中' }} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && contestant ? (
        <View>
          <View className='jdg-head'>
            <Text className='jdg-head__title jdg-score__name'>{contestant.name}</Text>
            <Text className='jdg-head__meta'>{`${communityText(contestant.community)} · ${streetText(contestant.street)} · ${state.data.round.form}`}</Text>
            {contestant.projectTitle ? <Text className='jdg-head__meta'>{`项目：${contestant.projectTitle}`}</Text> : null}
            {contestant.summary ? <Text className='jdg-head__meta'>{contestant.summary}</Text> : null}
          </View>
          {contestant.recusal ? <Recused contestant={contestant} /> : <ScoreForm view={state.data} contestant={contestant} onSaved={reload} />}
          {!contestant.recusal && !state.data.round.locked ? (
            declaring === null ? (
              <Text className='jdg-link jdg-declare' onClick={() => setDeclaring('')}>
                与该选手有利益关系？申报回避
              </Text>
            ) : (
              <View className='jdg-declare-form'>
                <Text className='jdg-label'>回避原因（选填，仅管理员可见）</Text>
                <Textarea className='jdg-textarea' value={declaring} maxlength={200} placeholder='如：曾在同一社区共事' onInput={(e) => setDeclaring(e.detail.value)} />
                <View className='jdg-actions'>
                  <Button className='jdg-declare-confirm' type='primary' block onClick={() => void declare()}>
                    确认回避（之后不能为该选手打分）
                  </Button>
                  <Button block onClick={() => setDeclaring(null)}>
                    取消
                  </Button>
                </View>
              </View>
            )
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
