import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Envelope } from '@yanzhen/domain';
import { Button } from '../ui/nutui';
import './ExportButton.scss';

/** A workbook the cloud function built and put in cloud storage, with its temporary link. */
export interface ExportedWorkbook {
  fileID: string;
  tempFileURL: string;
  fileName: string;
}

type Stage<F> = { step: 'idle' } | { step: 'building' } | { step: 'downloading'; percent: number } | { step: 'ready'; file: F } | { step: 'failed'; message: string };

export interface ExportButtonProps<F extends ExportedWorkbook> {
  /** BEM block of the page's test hooks: `<block>__start`, `__progress` (data-percent), `__link` (data-url), `__error`. */
  block: string;
  /** The button's text while idle, e.g. 导出报名名单（Excel）. */
  label: string;
  /** Asks the function to build the workbook. */
  run: () => Promise<Envelope<F>>;
  /** Under the bar while the function works, e.g. 正在生成名单并上传…. */
  buildingText: string;
  /** Under the full bar once the file is there, e.g. 已生成 12 条报名. */
  readyText: (file: F) => string;
  /** The link that opens the file again. */
  linkText?: (file: F) => string;
  primary?: boolean;
}

/**
 * Export to Excel with its progress, for every admin export (registrations, results, street rosters): the
 * function builds the workbook and puts it in cloud storage (the first half of the bar: it answers when done),
 * then the phone downloads it with its own progress and opens it; the H5 preview offers the temporary link instead.
 */
export function ExportButton<F extends ExportedWorkbook>({ block, label, run, buildingText, readyText, linkText, primary }: ExportButtonProps<F>) {
  const [stage, setStage] = useState<Stage<F>>({ step: 'idle' });

  async function download(file: F) {
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
      console.warn(`[${block}] download failed`, err);
      setStage({ step: 'failed', message: '下载没有成功，请稍后再试' });
    }
  }

  async function start() {
    setStage({ step: 'building' });
    const res = await run();
    if (!res.ok) return setStage({ step: 'failed', message: res.error.message });
    if (process.env.TARO_ENV === 'h5') return setStage({ step: 'ready', file: res.data });
    await download(res.data);
  }

  const percent = stage.step === 'building' ? 30 : stage.step === 'downloading' ? stage.percent : stage.step === 'ready' ? 100 : 0;
  const busy = stage.step === 'building' || stage.step === 'downloading';
  return (
    <View className={`yz-export ${block}`}>
      <Button className={`yz-export__start ${block}__start`} type={primary ? 'primary' : 'default'} size='large' block disabled={busy} onClick={() => void start()}>
        {busy ? '正在导出…' : label}
      </Button>
      {stage.step !== 'idle' && stage.step !== 'failed' ? (
        <View className={`yz-export__progress ${block}__progress`} data-percent={percent}>
          <View className='yz-export__bar'>
            <View className='yz-export__fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='yz-export__label'>
            {stage.step === 'building' ? buildingText : stage.step === 'downloading' ? `正在下载 ${percent}%` : readyText(stage.file)}
          </Text>
        </View>
      ) : null}
      {stage.step === 'ready' ? (
        <Text className={`yz-export__link ${block}__link`} data-url={stage.file.tempFileURL} onClick={() => void download(stage.file)}>
          {linkText ? linkText(stage.file) : `打开 ${stage.file.fileName}`}
        </Text>
      ) : null}
      {stage.step === 'failed' ? <Text className={`yz-export__error ${block}__error`}>{stage.message}</Text> : null}
    </View>
  );
}
