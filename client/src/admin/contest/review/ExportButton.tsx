import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { registrationsExport, type ExportedFile, type RegistrationFilter } from '../../../services/contest-registration';
import { Button } from '../../../ui/nutui';

type Stage = { step: 'idle' } | { step: 'building' } | { step: 'downloading'; percent: number } | { step: 'ready'; file: ExportedFile } | { step: 'failed'; message: string };

/**
 * 导出 Excel with its progress: the function builds the workbook and puts it in cloud storage (first half of the
 * bar, it answers when done), then the phone downloads it with its own progress and opens it; the H5 preview
 * offers the file's temporary link instead. Test hooks: `.creg-export__start`, `.creg-export__progress`,
 * `.creg-export__link` (data-url).
 */
export function ExportButton({ contestId, filter }: { contestId: string; filter: RegistrationFilter }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });

  async function download(file: ExportedFile) {
    if (process.env.TARO_ENV === 'h5') {
      window.open(file.tempFileURL, '_blank');
      return;
    }
    setStage({ step: 'downloading', percent: 50 });
    try {
      const task = Taro.downloadFile({ url: file.tempFileURL });
      task.onProgressUpdate((p) => setStage({ step: 'downloading', percent: 50 + Math.round(p.progress / 2) }));
      const res = await task;
      setStage({ step: 'ready', file });
      await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch (err) {
      console.warn('[export] download failed', err);
      setStage({ step: 'failed', message: '下载没有成功，请稍后再试' });
    }
  }

  async function start() {
    setStage({ step: 'building' });
    const res = await registrationsExport(contestId, filter);
    if (!res.ok) return setStage({ step: 'failed', message: res.error.message });
    if (process.env.TARO_ENV === 'h5') return setStage({ step: 'ready', file: res.data });
    await download(res.data);
  }

  const percent = stage.step === 'building' ? 30 : stage.step === 'downloading' ? stage.percent : stage.step === 'ready' ? 100 : 0;
  const busy = stage.step === 'building' || stage.step === 'downloading';
  return (
    <View className='creg-export'>
      <Button className='creg-export__start' size='large' block disabled={busy} onClick={() => void start()}>
        {busy ? '正在导出…' : '导出报名名单（Excel）'}
      </Button>
      {stage.step !== 'idle' && stage.step !== 'failed' ? (
        <View className='creg-export__progress' data-percent={percent}>
          <View className='creg-export__bar'>
            <View className='creg-export__fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='creg-export__label'>
            {stage.step === 'building' ? '正在生成名单并上传…' : stage.step === 'downloading' ? `正在下载 ${percent}%` : `已生成 ${stage.file.rows} 条报名`}
          </Text>
        </View>
      ) : null}
      {stage.step === 'ready' ? (
        <Text className='creg-export__link' data-url={stage.file.tempFileURL} onClick={() => void download(stage.file)}>
          {`打开 ${stage.file.fileName}`}
        </Text>
      ) : null}
      {stage.step === 'failed' ? <Text className='adm-error creg-export__error'>{stage.message}</Text> : null}
    </View>
  );
}
