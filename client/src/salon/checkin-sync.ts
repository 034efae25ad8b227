import Taro from '@tarojs/taro';
import { CHECKIN_SCENE_PATTERN } from '@yanzhen/domain';
import { checkInSalon } from '../services/salon';
import { checkInOrQueue, flush, type CheckInOutcome, type QueuedCheckIn, type QueueStore } from './checkin-queue';

/** The offline check-in queue on the phone (Taro storage), sent again whenever the network comes back. */
const KEY = 'yz.salon.checkInQueue';

export const phoneQueue: QueueStore = {
  read() {
    try {
      const raw: unknown = Taro.getStorageSync(KEY);
      return Array.isArray(raw) ? (raw as QueuedCheckIn[]) : [];
    } catch {
      return [];
    }
  },
  write(items) {
    try {
      Taro.setStorageSync(KEY, items);
    } catch (err) {
      console.warn('[salon] could not keep the check-in queue', err);
    }
  },
};

const send = (item: QueuedCheckIn) => checkInSalon(item);

export const checkInNow = (item: QueuedCheckIn): Promise<CheckInOutcome> => checkInOrQueue(phoneQueue, send, item);
export const pendingCheckIns = (): number => phoneQueue.read().length;

let listening = false;

/** Sends what is queued now, and again each time the phone gets network back (registered once). */
export function startCheckInSync(onSent?: (sent: number, refused: string[]) => void): void {
  const run = () =>
    void flush(phoneQueue, send).then((r) => {
      if (r.sent || r.refused.length) onSent?.(r.sent, r.refused);
    });
  if (phoneQueue.read().length) run();
  if (listening) return;
  listening = true;
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected && phoneQueue.read().length) run();
  });
}

/**
 * The check-in scene from a scan: WeChat opens the check-in page with `scene` (URL-encoded) when the code is
 * scanned with the camera; `Taro.scanCode` inside the app answers `path` = `salon/checkin/index?scene=…`.
 */
export function sceneFrom(raw: string | undefined): string | null {
  if (!raw) return null;
  let text = raw;
  const q = text.indexOf('scene=');
  if (q >= 0) text = text.slice(q + 'scene='.length).split('&')[0];
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  return CHECKIN_SCENE_PATTERN.test(text) ? text : null;
}
