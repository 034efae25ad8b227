import type { Envelope } from '@yanzhen/domain';

/**
 * Check-ins taken without network. At the venue (often a basement hall) the phone may have no signal when the
 * code is scanned: the scan is kept on the phone and sent when the network returns, with the time it was
 * scanned (the function takes it within a day after the salon's day). Sending one twice is harmless: the
 * function counts a check-in once. Pure logic over a small storage interface, so it is unit tested without
 * a phone; checkin-sync.ts binds it to Taro storage and network events.
 */
export interface QueuedCheckIn {
  scene: string;
  salonId?: string;
  /** ISO time of the scan. */
  scannedAt: string;
}

export interface QueueStore {
  read(): QueuedCheckIn[];
  write(items: QueuedCheckIn[]): void;
}

export type SendCheckIn = (item: QueuedCheckIn) => Promise<Envelope<unknown>>;

/** Transport failures reach pages as `internal` envelopes (services/cloud.ts): worth trying again later. */
const retryLater = (env: Envelope<unknown>): boolean => !env.ok && env.error.code === 'internal';

export function enqueue(store: QueueStore, item: QueuedCheckIn): void {
  const items = store.read().filter((q) => q.scene !== item.scene);
  store.write([...items, item]);
}

export interface FlushResult {
  sent: number;
  /** Still queued: the network or the service failed again. */
  kept: number;
  /** The function's own refusals (an expired code …), in its words; those items are dropped. */
  refused: string[];
}

/** Sends every queued check-in once; keeps those that failed for want of network. */
export async function flush(store: QueueStore, send: SendCheckIn): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, kept: 0, refused: [] };
  const keep: QueuedCheckIn[] = [];
  const taken = store.read();
  for (const item of taken) {
    const env = await send(item);
    if (env.ok) result.sent += 1;
    else if (retryLater(env)) keep.push(item);
    else result.refused.push(env.error.message);
  }
  // Items queued while this flush ran stay queued too.
  const added = store.read().filter((q) => !taken.some((t) => t.scene === q.scene));
  store.write([...keep, ...added]);
  result.kept = keep.length;
  return result;
}

export type CheckInOutcome = { kind: 'done'; first: boolean } | { kind: 'queued' } | { kind: 'refused'; message: string };

/** Sends a fresh scan; without network it is queued instead of lost. */
export async function checkInOrQueue(store: QueueStore, send: SendCheckIn, item: QueuedCheckIn): Promise<CheckInOutcome> {
  const env = await send(item);
  if (env.ok) return { kind: 'done', first: Boolean((env.data as { first?: boolean } | null)?.first) };
  if (retryLater(env)) {
    enqueue(store, item);
    return { kind: 'queued' };
  }
  return { kind: 'refused', message: env.error.message };
}
