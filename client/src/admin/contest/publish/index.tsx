import { useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ExportButton } from '../../../components/ExportButton';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { chinaDateTime } from '../../../components/format';
import { useCloudQuery, useCloudQueryFor } from '../../../hooks/useCloudQuery';
import { listContests, type ContestSummary } from '../../../services/admin';
import { exportResults, publishCheck, publishResults } from '../../../services/contest-results';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { confirmAction, tell } from '../../confirm';
import '../../admin.scss';
import './index.scss';

/**
 * Test hooks: `.pub__round` (data-round, data-locked), `.pub__problem`, `.pub__preview-row`, `.pub__sheets`,
 * `.pub__publish`, `.pub__published`, `.pub__view`.
 */
function Publish({ contests }: { contests: ContestSummary[] }) {
  const [contestId, setContestId] = useState(contests[0]._id);
  const { state, reload } = useCloudQueryFor(() => publishCheck(contestId), [contestId]);
  const [sheetsPublic, setSheetsPublic] = useState(false);
  const [busy, setBusy] = useState(false);

  async function publish(title: string) {
    if (!(await confirmAction('公布结果', `公布后名次、奖项和评分规则不能再修改，确定公布“${title}”的评审结果吗？`, '公布'))) return;
    setBusy(true);
    const res = await publishResults(contestId, sheetsPublic);
    setBusy(false);
    if (!res.ok) tell(res.error.message);
    await reload();
  }

  const check = state.status === 'ready' ? state.data : null;
  const tierOf = new Map(check?.preview.awards.map((a) => [a.candidateId, a.tier]) ?? []);
  return (
    <View className='pub'>
      {contests.length > 1 ? <Chips className='pub__contests' options={contests.map((c) => ({ key: c._id, label: c.title }))} value={contestId} onChange={setContestId} scroll /> : null}
      {state.status === 'loading' ? <LoadingView text='正在检查评分情况…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {check ? (
        <View className='adm-card pub__check'>
          <Text className='adm-card__title'>公布前检查</Text>
          {check.rounds.map((r, i) => (
            <View className='pub__round' key={r.key} data-round={r.key} data-locked={r.locked ? '1' : '0'}>
              <Text className='pub__mark'>{r.locked ? '✓' : '✗'}</Text>
              <Text className='pub__round-text'>{`第${i + 1}轮 ${r.form}${r.kind === 'quiz' ? '（知识竞赛）' : `：${r.judges} 位评委，${r.scores} 份评分`}${r.locked ? '，已锁定' : '，未锁定'}`}</Text>
            </View>
          ))}
          <Text className='pub__facts'>{`参赛选手 ${check.contestants} 人，回避 ${check.recusals} 人次`}</Text>
          {check.problems.filter((p) => !check.published || p !== '结果已经公布').map((p) => (
            <Text className='adm-error pub__problem' key={p}>
              {p}
            </Text>
          ))}
          {!check.published && check.problems.some((p) => p.includes('尚未锁定')) ? (
            <Text className='pub__link' onClick={() => void Taro.navigateTo({ url: '/admin/contest/setup/index' })}>
              去“比武设置”锁定轮次 ›
            </Text>
          ) : null}
        </View>
      ) : null}
      {check ? (
        <View className='adm-card pub__preview'>
          <Text className='adm-card__title'>{check.published ? '已公布的名次' : '按评分规则计算的名次（尚未公布）'}</Text>
          {check.preview.ranking.slice(0, 10).map((r) => (
            <View className='pub__preview-row' key={r.candidateId}>
              <Text className='pub__place'>{r.place}</Text>
              <Text className='pub__name'>{r.name}</Text>
              <Text className='pub__tier'>{tierOf.get(r.candidateId) ?? ''}</Text>
              <Text className='pub__total'>{r.total}</Text>
            </View>
          ))}
          {check.preview.ranking.length > 10 ? <Text className='pub__facts'>{`另有 ${check.preview.ranking.length - 10} 位选手`}</Text> : null}
        </View>
      ) : null}
      {check && !check.published ? (
        <View className='adm-card'>
          <View className='pub__sheets'>
            <Text className='pub__sheets-text'>同时公开评委评分表（不显示评委姓名和备注）</Text>
            <Switch className='pub__sheets-switch' checked={sheetsPublic} color='#C8161D' onChange={(e) => setSheetsPublic(e.detail.value)} />
          </View>
          <Button className='pub__publish' type='primary' size='large' block disabled={!check.ready || busy} onClick={() => void publish(check.title)}>
            {busy ? '正在公布…' : check.ready ? '公布评审结果' : '检查未通过，暂不能公布'}
          </Button>
        </View>
      ) : null}
      {check && check.published ? (
        <View className='adm-card'>
          <Text className='pub__published'>{`已于 ${check.publishedAt ? chinaDateTime(check.publishedAt) : ''} 公布${check.sheetsPublic ? '，评委评分表已公开' : ''}。名次和评分规则已固定。`}</Text>
          <Text className='pub__link pub__view' onClick={() => void Taro.navigateTo({ url: `/contest/results/index?id=${contestId}` })}>
            查看公开的结果页 ›
          </Text>
          <ExportButton
            block='pub-export'
            label='导出结果与评分表（Excel）'
            run={() => exportResults(contestId)}
            buildingText='正在生成表格并上传…'
            readyText={(file) => `已生成 ${file.rows} 行（名次与评分）`}
          />
        </View>
      ) : null}
    </View>
  );
}

/** 大比武结果公布: the check list (rounds locked?), the totals by the rule, publish, export. */
export default function ContestPublishPage() {
  const { state, reload } = useCloudQuery(listContests);
  return (
    <PageShell className='adm-page'>
      <Text className='adm-intro'>所有评分轮次锁定后即可公布。公布时按评分规则计算总分并评出奖项，之后不能再修改；公布与导出均记入操作记录。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取比武活动…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <Text className='adm-empty'>还没有比武活动。请先在“比武设置”中创建。</Text> : null}
      {state.status === 'ready' && state.data.items.length ? <Publish contests={state.data.items} /> : null}
    </PageShell>
  );
}
