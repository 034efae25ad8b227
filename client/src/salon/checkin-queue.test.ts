import { fail, ok, type Envelope } from '@yanzhen/domain';
import { checkInOrQueue, flush, type QueuedCheckIn, type QueueStore } from './checkin-queue';

/** A phone's storage in memory. */
function memoryStore(): QueueStore & { items: QueuedCheckIn[] } {
  const store = { items: [] as QueuedCheckIn[], read: () => [...store.items], write: (items: QueuedCheckIn[]) => void (store.items = [...items]) };
  return store;
}

const scan = (scene: string): QueuedCheckIn => ({ scene, salonId: 'salon-2026-12', scannedAt: '2026-12-19T06:40:00.000Z' });
const offline = async (): Promise<Envelope<unknown>> => fail('internal', '网络开小差了，请检查网络后重试');

describe('offline check-in queue', () => {
  it('queues a scan taken without network and sends it, once, when the network returns', async () => {
    const store = memoryStore();
    expect(await checkInOrQueue(store, offline, scan('ci.2026-12.aaaaaaaaaaaaaaaa'))).toEqual({ kind: 'queued' });
    // Scanning the same code again while offline keeps one entry.
    await checkInOrQueue(store, offline, scan('ci.2026-12.aaaaaaaaaaaaaaaa'));
    expect(store.items).toHaveLength(1);

    expect(await flush(store, offline)).toEqual({ sent: 0, kept: 1, refused: [] });
    expect(store.items).toHaveLength(1);

    const sent: QueuedCheckIn[] = [];
    const online = async (item: QueuedCheckIn) => {
      sent.push(item);
      return ok({ first: true });
    };
    expect(await flush(store, online)).toEqual({ sent: 1, kept: 0, refused: [] });
    expect(sent).toEqual([scan('ci.2026-12.aaaaaaaaaaaaaaaa')]);
    expect(store.items).toEqual([]);
    expect(await flush(store, online)).toEqual({ sent: 0, kept: 0, refused: [] });
  });

  it('drops a queued scan the function refuses, and tells why', async () => {
    const store = memoryStore();
    await checkInOrQueue(store, offline, scan('ci.2026-12.bbbbbbbbbbbbbbbb'));
    const refuse = async () => fail('failed-precondition', '签到码只在沙龙当天（2026-12-19）有效');
    expect(await flush(store, refuse)).toEqual({ sent: 0, kept: 0, refused: ['签到码只在沙龙当天（2026-12-19）有效'] });
    expect(store.items).toEqual([]);
  });

  it('keeps a scan queued while a flush is running', async () => {
    const store = memoryStore();
    await checkInOrQueue(store, offline, scan('ci.2026-12.cccccccccccccccc'));
    const result = await flush(store, async () => {
      await checkInOrQueue(store, offline, scan('ci.2026-12.dddddddddddddddd'));
      return ok({ first: true });
    });
    expect(result.sent).toBe(1);
    expect(store.items.map((q) => q.scene)).toEqual(['ci.2026-12.dddddddddddddddd']);
  });

  it('sends at once when online and says whether this was the first check-in', async () => {
    const store = memoryStore();
    expect(await checkInOrQueue(store, async () => ok({ first: false }), scan('ci.2026-12.eeeeeeeeeeeeeeee'))).toEqual({ kind: 'done', first: false });
    expect(store.items).toEqual([]);
  });
});
