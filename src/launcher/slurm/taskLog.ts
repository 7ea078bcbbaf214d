// What a task's log has said so far, read incrementally: the node task.sh named, the frame blender
// works on now, and every file blender reported saved (a partial counts only once it was).
// Each update reads only what was appended since the last one, at most 1 MiB.
import { open } from 'node:fs/promises';
import { parseBlenderLine } from '../../../parsers/blenderLog.js';

const MAX_READ_BYTES = 1024 * 1024;

export class TaskLogReader {
  /** The frame of the last `Fra:` line after the last save; null when none. */
  currentFrame: number | null = null;
  /** `SLURMD_NODENAME=…` from task.sh's first line. */
  node: string | null = null;
  /** Paths from blender's `Saved:` lines. */
  readonly saved = new Set<string>();
  private offset = 0;
  private rest = '';

  constructor(readonly path: string) {}

  /** Reads what was appended; a log not written yet is simply empty. */
  async update(): Promise<void> {
    let text: string;
    try {
      const file = await open(this.path, 'r');
      try {
        const { size } = await file.stat();
        const length = Math.min(MAX_READ_BYTES, Math.max(0, size - this.offset));
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, this.offset);
        this.offset += bytesRead;
        text = buffer.subarray(0, bytesRead).toString('utf8');
      } finally {
        await file.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.read(line.replace(/\r$/, ''));
  }

  private read(line: string): void {
    const named = /SLURMD_NODENAME=(\S+)/.exec(line);
    if (named?.[1]) this.node = named[1];
    const event = parseBlenderLine(line);
    if (event.kind === 'progress') this.currentFrame = event.frame;
    else if (event.kind === 'saved') {
      this.saved.add(event.path);
      this.currentFrame = null;
    }
  }
}
