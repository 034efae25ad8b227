import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { quizStatus } from '../services/quiz';

/**
 * The 知识竞赛 entry of 我的: shown to a secretary who is an approved contestant of a contest whose quiz round
 * is open now; answers the entry's description, or null when there is no such round (or the caller is no
 * secretary: then nothing is asked). Read again whenever 我的 shows, so a submitted score appears on return.
 */
export function useOpenQuiz(isSecretary: boolean): string | null {
  const [description, setDescription] = useState<string | null>(null);
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!isSecretary) return setDescription(null);
    const ticket = ++latest.current;
    const res = await quizStatus();
    if (ticket !== latest.current) return;
    const open = res.ok ? res.data.items.find((r) => r.open) : undefined;
    if (!open) return setDescription(null);
    const a = open.attempt;
    if (a?.status === 'submitted') setDescription(`${open.contestTitle}：已提交，得分 ${a.score ?? 0} 分`);
    else if (a?.status === 'started') setDescription(`${open.contestTitle}：答题中，请在时间结束前提交`);
    else if (a?.status === 'expired') setDescription(`${open.contestTitle}：答题时间已到`);
    else setDescription(`${open.contestTitle}：${open.rules.questionCount} 道题，限时 ${Math.round(open.rules.timeLimitSeconds / 60)} 分钟，只能答一次`);
  }, [isSecretary]);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load();
    shown.current = true;
  });
  return description;
}
