import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Notices that a deployed `index.js` was rebuilt, without a file-system call per invocation.
 * A watch on the function's folder (the build replaces `index.js` by rename, which a watch on the file
 * itself would lose) marks the code as possibly changed; the next `current()` then reads the file's
 * mtime. Without an event, the mtime is still compared at most every RECHECK_MS, in case the watch
 * missed one (a folder deleted and recreated, or a file system without events).
 */
const RECHECK_MS = 1000;

export class CodeWatch {
  private version: number;
  private checkedAt = Date.now();
  private dirty = false;
  private watcher?: FSWatcher;
  private closed = false;

  constructor(private readonly entryPath: string) {
    this.version = this.readVersion();
    this.startWatching();
  }

  /**
   * The entry's mtime in ms (0 when it does not exist): read again only after a watch event or when the
   * last read is RECHECK_MS old, so a burst of invocations costs no file-system calls.
   */
  current(): number {
    const now = Date.now();
    if (!this.dirty && now - this.checkedAt < RECHECK_MS) return this.version;
    this.dirty = false;
    this.checkedAt = now;
    const version = this.readVersion();
    if (version !== this.version) {
      this.version = version;
      // The folder may have been replaced: watch the current one.
      this.startWatching();
    }
    return version;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = undefined;
  }

  private readVersion(): number {
    try {
      return statSync(this.entryPath).mtimeMs;
    } catch {
      return 0;
    }
  }

  private startWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.closed) return;
    try {
      const watcher = watch(dirname(this.entryPath), { persistent: false }, () => {
        this.dirty = true;
      });
      watcher.on('error', () => {
        // Folder gone: fall back to the periodic check until a change is seen again.
        watcher.close();
        if (this.watcher === watcher) this.watcher = undefined;
        this.dirty = true;
      });
      this.watcher = watcher;
    } catch {
      // No folder (yet) or no watch support: the periodic check alone.
      this.dirty = true;
    }
  }
}
