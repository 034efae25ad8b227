import { useCallback, useEffect, useRef, useState } from 'react';
import { castVote, voteQuota, type VoteQuota } from '../services/vote';

export interface VoteNotice {
  kind: 'success' | 'refused';
  text: string;
}

/**
 * The caller's votes in one contest: today's quota (from `vote.quota`), casting, and the notice shown after a
 * vote. A refused vote shows the function's own Chinese message (e.g. 今天的3票已经投完了…). `onVoted` runs
 * after an accepted vote, so a page can refresh its ranking.
 */
export function useVoting(contestId: string | null, onVoted?: () => void) {
  const [quota, setQuota] = useState<VoteQuota | null>(null);
  const [notice, setNotice] = useState<VoteNotice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const onVotedRef = useRef(onVoted);
  onVotedRef.current = onVoted;

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
        onVotedRef.current?.();
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

  return { quota, notice, busy, cast, refreshQuota };
}
