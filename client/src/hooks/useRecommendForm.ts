import { useState } from 'react';
import { RECOMMENDATION_REASONS, type Street } from '@yanzhen/domain';
import { recommend } from '../services/talent';

/** `望岳社区、玉函社区` or with commas/spaces → the list of wished communities. */
export const splitWishes = (text: string): string[] => text.split(/[、，,;；\s]+/).map((w) => w.trim()).filter(Boolean);

export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

/**
 * A street's recommendation for a secondment batch (the secretary, why, her wished communities), as both the
 * admin's batch page and a secretary's own street page enter it: the same fields, the same check before the
 * button is enabled, the same call. `onFailed` shows the function's message the page's way.
 */
export function useRecommendForm({ batchId, street, onDone, onFailed }: { batchId: string; street: Street; onDone: () => void; onFailed: (message: string) => void }) {
  const [secretaryId, setSecretaryId] = useState('');
  const [reason, setReason] = useState<RecommendationReason>(RECOMMENDATION_REASONS[0]);
  const [wishes, setWishes] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const res = await recommend({ batchId, street, secretaryId, reason, wishes: splitWishes(wishes) });
    setBusy(false);
    if (!res.ok) return onFailed(res.error.message);
    onDone();
  }
  const canSubmit = !busy && secretaryId !== '' && splitWishes(wishes).length > 0;
  return { secretaryId, setSecretaryId, reason, setReason, wishes, setWishes, busy, canSubmit, submit };
}
