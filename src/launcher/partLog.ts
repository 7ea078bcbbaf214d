// A part's log file. Render workers start while omtop still asks blender where the frames go, so
// before the log's folder (beside the frames) is known: their lines wait in memory, up to a bound,
// until the path is known, and are dropped if the worker is shut down before it gets one.
import { createWriteStream, type WriteStream } from 'node:fs';

/** What a worker may print before its log file is known (start-up lines are a few kB). */
export const MAX_PENDING_LOG_BYTES = 1 << 20;

export interface PartLog {
  write(text: string): void;
  /**
   * Resolves once everything written is on disk; never rejects. A log whose path is not known yet
   * does not wait for it: its lines are written (or dropped) when that is decided.
   */
  end(): Promise<void>;
}

/** `target` rejecting means "no log for this process": what it wrote is dropped. */
export function openPartLog(target: string | Promise<string>, onError: (message: string) => void): PartLog {
  let stream: WriteStream | null = null;
  let pending: string[] | null = [];
  let pendingBytes = 0;
  let dropped = 0;
  let ended = false;
  let closed: Promise<void> = Promise.resolve();

  const open = (path: string): void => {
    const opened = createWriteStream(path, { flags: 'a' });
    opened.on('error', (error) => onError(`cannot write ${path}: ${error.message}`));
    closed = new Promise<void>((resolve) => opened.on('close', resolve));
    for (const text of pending ?? []) opened.write(text);
    if (dropped > 0) opened.write(`# omtop: ${dropped} bytes of output before this log was opened were dropped\n`);
    pending = null;
    stream = opened;
    if (ended) opened.end();
  };

  if (typeof target === 'string') open(target);
  else {
    target.then(open, () => {
      pending = null;
    });
  }

  return {
    write(text) {
      if (stream !== null) {
        stream.write(text);
        return;
      }
      if (pending === null) return;
      if (pendingBytes + text.length > MAX_PENDING_LOG_BYTES) {
        dropped += text.length;
        return;
      }
      pending.push(text);
      pendingBytes += text.length;
    },
    async end() {
      ended = true;
      if (stream === null) return;
      stream.end();
      await closed;
    },
  };
}
