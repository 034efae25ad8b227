import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendLineDurably } from '../durable-file';

/**
 * Subscribe messages "sent" by functions: on a laptop nobody receives them, so they are kept in
 * `<dataDir>/openapi/outbox.jsonl` (one JSON object a line, fsynced) and read back by
 * `GET /api/dev/outbox` and by tests.
 */
export interface OutboxMessage {
  id: number;
  sentAt: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, unknown>;
  miniprogramState?: string;
  lang?: string;
  /** The OpenID of the user whose function invocation sent it, when known. */
  sentBy?: string;
}

export class Outbox {
  private readonly file: string;
  private readonly messages: OutboxMessage[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'openapi', 'outbox.jsonl');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.messages.push(JSON.parse(line) as OutboxMessage);
        } catch {
          // A torn last line (crash mid-write, never acknowledged) is skipped.
        }
      }
    }
  }

  /** Stores the message on disk before resolving, so an acknowledged send is never lost. */
  async add(message: Omit<OutboxMessage, 'id' | 'sentAt'>): Promise<OutboxMessage> {
    const stored: OutboxMessage = { id: (this.messages.at(-1)?.id ?? 0) + 1, sentAt: new Date().toISOString(), ...message };
    this.messages.push(stored);
    // Appends are chained so lines land in id order.
    const write = this.writing.catch(() => undefined).then(() => appendLineDurably(this.file, JSON.stringify(stored)));
    this.writing = write;
    await write;
    return stored;
  }

  list(filter: { touser?: string } = {}): OutboxMessage[] {
    return this.messages.filter((m) => !filter.touser || m.touser === filter.touser);
  }
}
