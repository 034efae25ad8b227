import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { exportResults, type ResultsFile } from '../../../services/contest-results';
import { Button } from '../../../ui/nutui';

type Stage = { step: 'idle' } | { step: 'building' } | { step: 'downloading'; percent: number } | { step: 'ready'; file: ResultsFile } | { step: 'failed'; message: string };

/**
 * 导出结果与评分表 with its progress: the function builds the workbook from the published snapshot and puts it in
 * cloud storage (the first half of the bar), then the phone downloads it with its own progress and opens it; the
 * H5 preview offers the temporary link instead. Test hooks: `.pub-export__start`, `.pub-export__progress`
 * (data-percent), `.pub-export__link` (data-url).
 */
export function ResultsExport({ contestId }: { contestId: string }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });

  async function download(file: ResultsFile) {
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
      console.warn('[results export] download failed', err);
      setStage({ step: 'failed', message: '下载没有成功，请稍后再试' });
    }
  }

  async function start() {
    setStage({ step: 'building' });
    const res = await exportResults(contestId);
    if (!res.ok) return setStage({ step: 'failed', message: res.error.message });
    if (process.env.TARO_ENV === 'h5') return setStage({ step: 'ready', file: res.data });
    await download(res.data);
  }

  const percent = stage.step === 'building' ? 30 : stage.step === 'downloading' ? stage.percent : stage.step === 'ready' ? 100 : 0;
  const busy = stage.step === 'building' || stage.step === 'downloading';
  return (
    <View className='pub-export'>
      <Button className='pub-export__start' size='large' block disabled={busy} onClick={() => void start()}>
        {busy ? '正在导出…' : '导出结果与评分表（Excel）'}
      </Button>
      {stage.step !== 'idle' && stage.step !== 'failed' ? (
        <View className='pub-export__progress' data-percent={percent}>
          <View className='pub-export__bar'>
            <View className='pub-export__fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='pub-export__label'>
            {stage.step === 'building' ? '正在生成表格并上传…' : stage.step === 'downloading' ? `正在下载 ${percent}%` : `已生成 ${stage.file.rows} 行（名次与评分）`}
          </Text>
        </View>
      ) : null}
      {stage.step === 'ready' ? (
        <Text className='pub-export__link' data-url={stage.file.tempFileURL} onClick={() => void download(stage.file)}>
          {`打开 ${stage.file.fileName}`}
        </Text>
      ) : null}
      {stage.step === 'failed' ? <Text className='adm-error pub-export__error'>{stage.message}</Text> : null}
    </View>
  );
}
