import { useEffect, useState } from 'react';
import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dimensionName, type DimensionKey } from '@yanzhen/domain';
import { drawRadar, SHORT_DIMENSION_LABELS } from './radar';

export interface RadarDimension {
  key: DimensionKey;
  score: number;
  maxScore: number;
}

interface CanvasInfo {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
}

let nextId = 0;

const pixelRatio = (): number => {
  if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio || 1;
  try {
    return (Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync()).pixelRatio || 2;
  } catch {
    return 2; // an older base library without the API: draw sharp enough for today's phones
  }
};

/**
 * The canvas node once it exists: in weapp through a selector query (Canvas 2D), in H5 the <canvas> inside
 * Taro's canvas element (its custom element renders it a moment after React does, hence the retries).
 */
function findCanvas(id: string, done: (info: CanvasInfo | null) => void, tries = 20): void {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.getElementById(id)?.querySelector('canvas');
    if (canvas && canvas.clientWidth > 0) return done({ canvas, width: canvas.clientWidth, height: canvas.clientHeight });
    if (tries > 0) setTimeout(() => findCanvas(id, done, tries - 1), 50);
    else done(null);
    return;
  }
  Taro.createSelectorQuery()
    .select(`#${id}`)
    .fields({ node: true, size: true })
    .exec((res: ({ node?: HTMLCanvasElement; width: number; height: number } | null)[]) => {
      const found = res?.[0];
      if (found?.node) done({ canvas: found.node, width: found.width, height: found.height });
      else if (tries > 0) setTimeout(() => findCanvas(id, done, tries - 1), 50);
      else done(null);
    });
}

/**
 * A contestant's six dimensions as a radar chart (Canvas 2D, drawn by radar.ts) with the same numbers in a text
 * table beside it, for screen readers and anyone who prefers figures. Test hooks: `.radar` (data-drawn once the
 * canvas is painted), `.radar__canvas`, `.radar__row` (data-key).
 */
export function RadarChart({ name, dimensions }: { name: string; dimensions: RadarDimension[] }) {
  const [id] = useState(() => `yz-radar-${++nextId}`);
  const [drawn, setDrawn] = useState(false);
  const signature = dimensions.map((d) => `${d.key}:${d.score}/${d.maxScore}`).join(',');

  useEffect(() => {
    let live = true;
    setDrawn(false);
    const start = setTimeout(() =>
      findCanvas(id, (info) => {
        if (!live || !info) return;
        const dpr = pixelRatio();
        info.canvas.width = Math.round(info.width * dpr);
        info.canvas.height = Math.round(info.height * dpr);
        const ctx = info.canvas.getContext('2d');
        if (!ctx) return;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawRadar(ctx, info.width, info.height, dimensions.map((d) => ({ label: SHORT_DIMENSION_LABELS[d.key] ?? dimensionName(d.key), share: d.maxScore > 0 ? d.score / d.maxScore : 0 })));
        setDrawn(true);
      }),
    );
    return () => {
      live = false;
      clearTimeout(start);
    };
  }, [id, signature]); // eslint-disable-line react-hooks/exhaustive-deps -- `signature` stands for `dimensions`

  const summary = dimensions.map((d) => `${dimensionName(d.key)} ${d.score} 分`).join('，');
  return (
    <View className='radar' data-drawn={drawn ? '1' : '0'}>
      <View className='radar__figure' role='img' aria-label={`${name}六个维度得分雷达图：${summary}`}>
        <Canvas type='2d' id={id} className='radar__canvas' />
      </View>
      <View className='radar__table' role='table' aria-label={`${name}各维度得分`}>
        {dimensions.map((d) => (
          <View className='radar__row' role='row' key={d.key} data-key={d.key}>
            <Text className='radar__dimension'>{dimensionName(d.key)}</Text>
            <Text className='radar__score'>{`${d.score} / ${d.maxScore}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
