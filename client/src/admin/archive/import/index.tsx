import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { importCommit, importPreview, importTemplate, openWorkbook, pickSheet, uploadSheet, type ImportPreview, type PublishedFile } from '../../../services/archive';
import { Button } from '../../../ui/nutui';
import { confirmAction, tell } from '../../confirm';
import '../../admin.scss';
import './index.scss';

type Stage =
  | { step: 'idle' }
  | { step: 'checking'; name: string }
  | { step: 'previewed'; name: string; preview: ImportPreview }
  | { step: 'importing'; name: string; preview: ImportPreview }
  | { step: 'done'; files: number; members: number };

function PreviewView({ preview }: { preview: ImportPreview }) {
  if (preview.errorCount > 0) {
    return (
      <View className='adm-card import__errors'>
        <Text className='adm-card__name'>{`发现 ${preview.errorCount} 处问题，整表都没有导入`}</Text>
        <Text className='adm-card__meta'>请在表格中改正下列各行，保存后重新选择文件。</Text>
        {preview.errors.map((e, i) => (
          <Text key={i} className='adm-error import__error' data-row={e.row}>{`${e.sheet} 第 ${e.row} 行${e.column ? `（${e.column}）` : ''}：${e.message}`}</Text>
        ))}
      </View>
    );
  }
  return (
    <View className='adm-card import__ok'>
      <Text className='adm-card__name import__counts'>{`检查通过：人员档案 ${preview.files} 人，两委名册 ${preview.members} 条`}</Text>
      {preview.sample.map((s) => (
        <Text key={s.row} className='adm-card__meta'>{`第 ${s.row} 行 · ${s.fileId} · ${s.name} · ${s.street}街道 ${s.community} · ${s.post}`}</Text>
      ))}
      {preview.files > preview.sample.length ? <Text className='adm-card__meta'>{`……其余 ${preview.files - preview.sample.length} 人`}</Text> : null}
    </View>
  );
}

/**
 * 批量导入: download the template, choose the filled workbook (H5: a file input; mini-program: a file from a
 * chat), preview with every row checked, then import all of it or nothing. Test hooks: `.import__choose`,
 * `.import__commit`, `.import__error[data-row]`, `.import__done`.
 */
export default function ArchiveImportPage() {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [template, setTemplate] = useState<PublishedFile | null>(null);

  async function downloadTemplate() {
    const res = await importTemplate();
    if (!res.ok) return tell(res.error.message);
    setTemplate(res.data);
    if (process.env.TARO_ENV !== 'h5') await openWorkbook(res.data).catch(() => tell('下载没有成功，请稍后再试'));
  }

  async function choose() {
    const sheet = await pickSheet();
    if (!sheet) return;
    setStage({ step: 'checking', name: sheet.name });
    try {
      const fileID = await uploadSheet(sheet);
      const res = await importPreview(fileID);
      if (!res.ok) {
        setStage({ step: 'idle' });
        return tell(res.error.message);
      }
      setStage({ step: 'previewed', name: sheet.name, preview: res.data });
    } catch {
      setStage({ step: 'idle' });
      tell('上传没有成功，请检查网络后重试');
    }
  }

  async function commit(name: string, preview: ImportPreview) {
    if (!preview.jobId) return;
    if (!(await confirmAction('确认导入', `将导入 ${preview.files} 份档案、${preview.members} 条名册记录，确定吗？`, '导入'))) return;
    setStage({ step: 'importing', name, preview });
    const res = await importCommit(preview.jobId);
    if (!res.ok) {
      setStage({ step: 'previewed', name, preview });
      return tell(res.error.message);
    }
    setStage({ step: 'done', files: res.data.files, members: res.data.members });
  }

  const busy = stage.step === 'checking' || stage.step === 'importing';
  return (
    <PageShell className='adm-page import'>
      <Text className='adm-intro'>先下载模板按格式填写“人员档案”和“两委名册”两张表。上传后系统逐行检查，只要有一行有误，整表都不会导入。</Text>
      <Button className='import__template' size='large' block onClick={() => void downloadTemplate()}>下载导入模板</Button>
      {template ? <Text className='roster__link import__template-link' data-url={template.tempFileURL} onClick={() => void openWorkbook(template)}>{`打开 ${template.fileName}`}</Text> : null}
      <Button className='import__choose' type='primary' size='large' block disabled={busy} onClick={() => void choose()}>
        {stage.step === 'checking' ? '正在检查…' : '选择 Excel 文件'}
      </Button>
      {stage.step === 'previewed' || stage.step === 'importing' ? (
        <View>
          <Text className='adm-section-title'>{stage.name}</Text>
          <PreviewView preview={stage.preview} />
          {stage.preview.jobId && stage.preview.status === 'previewed' ? (
            <Button className='import__commit' type='primary' size='large' block disabled={busy} onClick={() => void commit(stage.name, stage.preview)}>
              {stage.step === 'importing' ? '正在导入…' : '确认导入'}
            </Button>
          ) : null}
          {stage.preview.status === 'committed' ? <Text className='adm-empty'>这份表格之前已经导入过了。</Text> : null}
        </View>
      ) : null}
      {stage.step === 'done' ? <Text className='adm-card import__done'>{`导入完成：人员档案 ${stage.files} 份，两委名册 ${stage.members} 条。`}</Text> : null}
    </PageShell>
  );
}
