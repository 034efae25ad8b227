import { useCallback, useEffect, useRef, useState } from 'react';
import { castVote, voteQuota, type VoteQuota } from '../services/vote';

export interface VoteNotice {
  kind: 'success' | 'refused';
  text: string;
}

/**
 * The caller's votes in one contest: today's quota (from `vote.quota`, once), casting, and the notice shown
 * after a vote. The remaining count then comes from each cast's answer (accepted: `remainingToday`;
 * refused: its `details.remainingToday`), so a vote costs one call and nothing is reloaded after it.
 * A refused vote shows the function's own Chinese message (e.g. 今天的3票已经投完了…). `onAccepted` lets a
 * page count the vote in what it already shows (the ranking) instead of reloading it.
 */
export function useVoting(contestId: string | null, onAccepted?: (candidateId: string) => void) {
  const [quota, setQuota] = useState<VoteQuota | null>(null);
  const [notice, setNotice] = useState<VoteNotice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const onAcceptedRef = useRef(onAccepted);
  onAcceptedRef.current = onAccepted;

  const refreshQuota = useCallback(async () => {
    if (!contestId) return;
    const res = await voteQuota(contestId);
    if (res.ok) setQuota(res.data);
  }, [contestId]);

  useEffect(() => {
    setQuota(null);
    setNotice(null);
    void refreshQuota();
  }, [refreshQuota]);

  const cast = useCallback(
    async (candidateId: string, name: string) => {
      if (!contestId || busy) return;
      setBusy(candidateId);
      const res = await castVote(contestId, candidateId);
      setBusy(null);
      if (res.ok) {
        const left = res.data.remainingToday;
        setQuota((q) => (q ? { ...q, remainingToday: left, votedToday: [...q.votedToday, candidateId] } : q));
        setNotice({ kind: 'success', text: `已为${name}投票，今天还可以投 ${left} 票` });
        onAcceptedRef.current?.(candidateId);
        return;
      }
      const details = res.error.details as { remainingToday?: unknown } | undefined;
      if (typeof details?.remainingToday === 'number') {
        const left = details.remainingToday;
        setQuota((q) => (q ? { ...q, remainingToday: left } : q));
      }
      setNotice({ kind: 'refused', text: res.error.message });
    },
    [contestId, busy],
  );

  /** Today's votes are all used: every vote button is disabled and says so. */
  const usedUp = quota !== null && quota.votingOpen && quota.remainingToday <= 0;
  return { quota, notice, busy, cast, refreshQuota, usedUp };
}

/** What a vote button says once today's votes are used (short enough for a button). */
export const USED_UP_LABEL = '今日票已投完';

/** The line beside disabled buttons saying why. */
export const usedUpText = (perDay: number): string => `今天的 ${perDay} 票已经投完，明天 0 点（北京时间）后可以再投`;
