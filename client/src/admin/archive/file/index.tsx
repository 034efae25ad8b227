import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENTRY_KIND_LABELS, PRIVATE_FIELD_LABELS } from '@yanzhen/domain';
import { ArchiveTimeline } from '../../../components/ArchiveTimeline';
import { EntryForm } from '../../../components/EntryForm';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { addEntry, decideProposal, getFile, type AdminFile, type Proposal } from '../../../services/archive';
import { Button } from '../../../ui/nutui';
import { confirmAction, tell } from '../../confirm';
import '../../admin.scss';
import './index.scss';

function Basics({ file }: { file: AdminFile }) {
  const rows: [string, string][] = [
    ['街道社区', `${file.street}街道 · ${file.community}`],
    ['职务', file.post],
    ['性别 / 出生年月', `${file.gender} / ${file.birth || '未登记'}`],
    ['学历', file.education || '未登记'],
    [PRIVATE_FIELD_LABELS.phone, file.phone || '未登记'],
    [PRIVATE_FIELD_LABELS.idNumber, file.idNumber || '未登记'],
    [PRIVATE_FIELD_LABELS.address, file.address || '未登记'],
  ];
  return (
    <View className='adm-card pfile__basics'>
      <View className='adm-card__head'>
        <Text className='adm-card__name pfile__name'>{file.name}</Text>
        <Text className='adm-badge'>{file.secretaryId ? '社区书记' : '两委成员'}</Text>
      </View>
      {rows.map(([label, value]) => (
        <Text key={label} className='adm-card__meta pfile__row'>{`${label}：${value}`}</Text>
      ))}
      <Text className='adm-card__meta pfile__private-note'>手机号、身份证号、住址仅管理员可见，请勿截图外传。</Text>
    </View>
  );
}

function ProposalCard({ p, onDone }: { p: Proposal; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  async function decide(decision: 'confirm' | 'reject') {
    if (decision === 'reject' && !(await confirmAction('退回记录', '退回后书记可以修改后重新提交。确定退回吗？'))) return;
    setBusy(true);
    const res = await decideProposal(p._id, decision, decision === 'reject' ? '与组织部掌握的情况不符，请核实后重新提交' : undefined);
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    onDone();
  }
  return (
    <View className='adm-card pfile__proposal' data-proposal={p._id}>
      <Text className='adm-card__name'>{`${p.entry.date} ${ENTRY_KIND_LABELS[p.entry.kind]}`}</Text>
      <Text className='adm-card__meta'>{`${p.entry.title}（来源：${p.entry.source}）`}</Text>
      <View className='adm-card__actions'>
        <Button className='pfile__confirm' type='primary' disabled={busy} onClick={() => void decide('confirm')}>确认入档</Button>
        <Button className='pfile__reject' disabled={busy} onClick={() => void decide('reject')}>退回</Button>
      </View>
    </View>
  );
}

/** 单人档案: basic information (private fields in full: admins only), the timeline, adding a record, proposals. */
export default function PersonFilePage() {
  const fileId = useRouter().params.fileId ?? '';
  const { state, reload } = useCloudQuery(() => getFile(decodeURIComponent(fileId)));
  const [adding, setAdding] = useState(false);
  return (
    <PageShell className='adm-page pfile'>
      {state.status === 'loading' ? <LoadingView text='正在打开档案…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Basics file={state.data.file} />
          {state.data.proposals.length > 0 ? <Text className='adm-section-title'>书记本人提交、待确认</Text> : null}
          {state.data.proposals.map((p) => <ProposalCard key={p._id} p={p} onDone={() => void reload()} />)}
          <View className='pfile__timeline-head'>
            <Text className='adm-section-title'>档案记录</Text>
            <Button className='pfile__add' size='normal' onClick={() => setAdding((a) => !a)}>{adding ? '收起' : '添加记录'}</Button>
          </View>
          {adding ? (
            <View className='adm-card pfile__form'>
              <EntryForm
                defaultSource='区委组织部'
                submitText='保存记录'
                onSubmit={async (entry) => {
                  const res = await addEntry(state.data.file._id, entry);
                  if (!res.ok) return res.error.message;
                  await reload();
                  return null;
                }}
              />
            </View>
          ) : null}
          <ArchiveTimeline entries={state.data.file.entries} empty='还没有档案记录。点“添加记录”录入学历、培训、实践、工作、考核或奖惩。' />
        </View>
      ) : null}
    </PageShell>
  );
}
