import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { dimensionName } from '@yanzhen/domain';
import type { SetupData, SetupRound } from '../../../services/judging';
import { setupSave } from '../../../services/judging';
import { Button } from '../../../ui/nutui';
import { blankForm, formOf, inputOf, WINDOW_LABELS, type FormState, type WindowKey } from './form-state';
import { RoundsEditor } from './RoundsEditor';
import { RuleEditor } from './RuleEditor';

interface Props {
  data: SetupData | null;
  onSaved: (contestId: string, created: boolean) => void;
  onLock: (round: SetupRound) => void;
}

/** One labelled input. */
function Field({ label, value, className, type, disabled, onInput }: { label: string; value: string; className: string; type?: 'number' | 'text'; disabled?: boolean; onInput: (v: string) => void }) {
  return (
    <View className='setup-field'>
      <Text className='adm-card__meta'>{label}</Text>
      <Input className={`adm-input ${className}`} type={type ?? 'text'} disabled={disabled} value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  );
}

/**
 * The whole set-up of one contest (or a new one): basics, dimensions, rule, rounds and judges, windows, vote,
 * awards. One save sends it all; the function checks it (weights 100, windows in order, rule fixed once scoring
 * started) and its message is shown here.
 */
export function SetupForm({ data, onSaved, onLock }: Props) {
  const [f, setF] = useState<FormState>(data ? formOf(data.contest) : blankForm());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fixed = data?.contest.ruleFixed ?? false;
  const set = (patch: Partial<FormState>) => setF({ ...f, ...patch });
  const setWindow = (key: WindowKey, end: 'start' | 'end', value: string) => set({ windows: { ...f.windows, [key]: { ...f.windows[key], [end]: value } } });
  const weightSum = f.dimensions.reduce((s, d) => s + (Number(d.weight) || 0), 0);

  async function save() {
    const built = inputOf(f);
    if ('error' in built) return setError(built.error);
    setBusy(true);
    setError(null);
    setNotice(null);
    const res = await setupSave(built.input);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setNotice(res.data.created ? '比武已创建。下一步：到“管理员与评委”邀请评委，再回到这里把评委分配到各轮。' : '设置已保存。');
    onSaved(res.data.contestId, res.data.created);
  }

  return (
    <View className='setup-form'>
      <View className='adm-card'>
        <Text className='adm-card__name'>基本信息</Text>
        <Field label='标题' className='setup-title' value={f.title} onInput={(title) => set({ title })} />
        <Field label='年份' className='setup-year' type='number' value={f.year} onInput={(year) => set({ year })} />
        <Field label='主题' className='setup-theme' value={f.theme} onInput={(theme) => set({ theme })} />
      </View>
      <View className='adm-card setup-dimensions'>
        <Text className='adm-card__name'>评审维度</Text>
        <Text className={weightSum === 100 ? 'adm-card__meta' : 'adm-error'}>{`权重合计 ${weightSum}%（须为 100%）`}</Text>
        {f.dimensions.map((d, i) => (
          <View key={d.key} className={`setup-dimension setup-dimension--${d.key}`}>
            <Text className='setup-dimension__name'>{dimensionName(d.key)}</Text>
            <View className='setup-dimension__inputs'>
              <Field label='权重 %' className='setup-dimension__weight' type='number' disabled={fixed} value={d.weight} onInput={(weight) => set({ dimensions: f.dimensions.map((x, n) => (n === i ? { ...x, weight } : x)) })} />
              <Field label='满分' className='setup-dimension__max' type='number' disabled={fixed} value={d.maxScore} onInput={(maxScore) => set({ dimensions: f.dimensions.map((x, n) => (n === i ? { ...x, maxScore } : x)) })} />
            </View>
          </View>
        ))}
      </View>
      <RuleEditor rule={f.rule} fixed={fixed} onChange={(rule) => set({ rule })} />
      <Text className='adm-section-title'>比武轮次与评委</Text>
      <RoundsEditor rounds={f.rounds} judges={data?.judges ?? []} scoresByRound={data?.scoresByRound ?? {}} saved={Boolean(data)} onChange={(rounds) => set({ rounds })} onLock={onLock} />
      <View className='adm-card setup-windows'>
        <Text className='adm-card__name'>时间安排（北京时间，如 2026-12-19 09:00）</Text>
        {(Object.keys(WINDOW_LABELS) as WindowKey[]).map((key) => (
          <View key={key} className={`setup-window setup-window--${key}`}>
            <Text className='setup-window__label'>{WINDOW_LABELS[key]}</Text>
            <Field label='开始' className={`setup-window__start setup-${key}-start`} disabled={key === 'scoring' && fixed} value={f.windows[key].start} onInput={(v) => setWindow(key, 'start', v)} />
            <Field label='结束' className={`setup-window__end setup-${key}-end`} value={f.windows[key].end} onInput={(v) => setWindow(key, 'end', v)} />
          </View>
        ))}
      </View>
      <View className='adm-card setup-vote'>
        <Text className='adm-card__name'>网络投票</Text>
        <Field label='每人每天可投票数' className='setup-vote__per-day' type='number' value={f.perDay} onInput={(perDay) => set({ perDay })} />
        <Field label='每人每天可投同一选手票数' className='setup-vote__per-candidate' type='number' value={f.perCandidatePerDay} onInput={(perCandidatePerDay) => set({ perCandidatePerDay })} />
        <Field label='网络投票计入总分的权重 %（默认 0，仅作人气榜）' className='setup-vote__weight' type='number' disabled={fixed} value={f.voteWeight} onInput={(voteWeight) => set({ voteWeight })} />
      </View>
      <View className='adm-card setup-awards'>
        <Text className='adm-card__name'>奖项设置</Text>
        {f.awards.map((a, i) => (
          <View key={i} className='setup-award'>
            <Field label='奖项名称' className='setup-award__tier' value={a.tier} onInput={(tier) => set({ awards: f.awards.map((x, n) => (n === i ? { ...x, tier } : x)) })} />
            <Field label='名额' className='setup-award__count' type='number' value={a.count} onInput={(count) => set({ awards: f.awards.map((x, n) => (n === i ? { ...x, count } : x)) })} />
          </View>
        ))}
        <View className='adm-card__actions'>
          <Button size='normal' onClick={() => set({ awards: [...f.awards, { tier: '优秀奖', count: '5' }] })}>
            添加奖项
          </Button>
          {f.awards.length > 1 ? (
            <Button size='normal' onClick={() => set({ awards: f.awards.slice(0, -1) })}>
              删除最后一项
            </Button>
          ) : null}
        </View>
      </View>
      {error ? <Text className='adm-error setup-error'>{error}</Text> : null}
      {notice ? <Text className='setup-notice'>{notice}</Text> : null}
      <Button className='setup-save' type='primary' block disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : data ? '保存设置' : '创建比武'}
      </Button>
    </View>
  );
}
