import { useEffect, useRef, useState } from 'react';
import { Text } from '@tarojs/components';

/** `3天 04时 05分 06秒` from milliseconds left. */
export function remainingText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((s % 86400) / 3600))}时 ${pad(Math.floor((s % 3600) / 60))}分 ${pad(s % 60)}秒`;
  return days > 0 ? `${days}天 ${hms}` : hms;
}

/**
 * Time left until `endAt`, ticking every second. `serverTime` (when the page has one) corrects a phone whose
 * clock is off, so the countdown ends when the function closes voting, not when the phone thinks it does.
 */
export function Countdown({ endAt, serverTime, prefix = '距投票结束', endedText = '投票已结束' }: { endAt: string; serverTime?: string; prefix?: string; endedText?: string }) {
  const skew = useRef(serverTime ? Date.parse(serverTime) - Date.now() : 0);
  const [now, setNow] = useState(() => Date.now() + skew.current);
  const left = Date.parse(endAt) - now;

  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setInterval(() => setNow(Date.now() + skew.current), 1000);
    return () => clearInterval(timer);
  }, [left <= 0]); // eslint-disable-line react-hooks/exhaustive-deps -- restart only when it ends

  return <Text className='yz-countdown'>{left > 0 ? `${prefix} ${remainingText(left)}` : endedText}</Text>;
}
