import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { quizImport, quizImportPreview, quizTemplate, type ImportPreview } from '../../../../services/quiz';
import { pickAndUploadSheet, type PickedSheet } from '../../../../services/quiz-upload';
import { Button } from '../../../../ui/nutui';
import '../../../admin.scss';
import '../index.scss';

type Step = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'preview'; sheet: PickedSheet; preview: ImportPreview } | { kind: 'done'; imported: number };

/** Hands the template to the admin: opened in the browser (H5), or its link copied (the phone saves it from there). */
async function openTemplate(setNote: (s: string) => void) {
  const res = await quizTemplate();
  if (!res.ok) return setNote(res.error.message);
  if (process.env.TARO_ENV === 'h5') {
    window.open(res.data.url, '_blank');
    setNote('模板已在新窗口中下载。');
    return;
  }
  await Taro.setClipboardData({ data: res.data.url });
  setNote('下载链接已复制（2 小时内有效），请在电脑浏览器中打开下载模板。');
}

/**
 * 导入题库: download the template, pick the filled-in sheet, see every row's problem before anything is written,
 * and import all of it at once (nothing is imported while one row is wrong).
 */
export default function QuizImportPage() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function pick() {
    setError(null);
    let sheet: PickedSheet | null;
    try {
      sheet = await pickAndUploadSheet();
    } catch {
      setError('文件上传没有成功，请检查网络后重试');
      return;
    }
    if (!sheet) return;
    setStep({ kind: 'working', text: '正在检查表格…' });
    const res = await quizImportPreview(sheet.fileId);
    if (!res.ok) {
      setError(res.error.message);
      setStep({ kind: 'idle' });
      return;
    }
    setStep({ kind: 'preview', sheet, preview: res.data });
  }

  async function confirm(sheet: PickedSheet) {
    setStep({ kind: 'working', text: '正在导入…' });
    const res = await quizImport(sheet.fileId);
    if (!res.ok) {
      setError(res.error.message);
      setStep({ kind: 'idle' });
      return;
    }
    setStep({ kind: 'done', imported: res.data.imported });
  }

  return (
    <PageShell className='adm-page quiz-import'>
      <Text className='adm-intro'>按模板填写题目（每行一道单选题），上传后系统逐行检查；全部正确才会导入，有一行有误则整表都不导入。</Text>
      <View className='quiz-form'>
        <Button className='quiz-import__template' size='large' onClick={() => void openTemplate(setNote)}>
          下载导入模板
        </Button>
        {note ? <Text className='quiz-form__hint quiz-import__note'>{note}</Text> : null}
        {step.kind !== 'working' ? (
          <Button className='quiz-import__pick' type='primary' size='large' onClick={() => void pick()}>
            {step.kind === 'preview' ? '重新选择文件' : '选择 Excel 文件'}
          </Button>
        ) : (
          <Text className='quiz-form__hint quiz-import__working'>{step.text}</Text>
        )}
        {error ? <Text className='quiz-form__error'>{error}</Text> : null}
      </View>

      {step.kind === 'preview' ? (
        <View className='adm-card quiz-import__preview'>
          <Text className='adm-card__name'>{step.sheet.name}</Text>
          <Text className='adm-card__meta quiz-import__summary'>
            共 {step.preview.rows} 行：{step.preview.valid} 道题可以导入
            {step.preview.errorCount > 0 ? `，${step.preview.errorCount} 处错误` : ''}
          </Text>
          {step.preview.errorCount > 0 ? (
            <View className='quiz-import__errors'>
              {step.preview.errors.map((e) => (
                <Text key={`${e.row}:${e.message}`} className='quiz-import__error-row'>
                  第 {e.row} 行：{e.message}
                </Text>
              ))}
              <Text className='adm-card__meta'>请在表格中改正后重新选择文件。</Text>
            </View>
          ) : (
            <View className='adm-card__actions'>
              <Button className='quiz-import__confirm' type='primary' size='large' onClick={() => void confirm(step.sheet)}>
                导入 {step.preview.valid} 道题
              </Button>
            </View>
          )}
        </View>
      ) : null}

      {step.kind === 'done' ? (
        <View className='adm-card quiz-import__done'>
          <Text className='adm-card__name'>已导入 {step.imported} 道题</Text>
          <Button size='large' onClick={() => void Taro.navigateBack()}>
            返回题库
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
