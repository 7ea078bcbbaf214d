// What a task's log says so far: the frame blender works on now and the frames it saved. Reads
// only the log's tail, so a long Cycles log costs the same every tick.
import { open } from 'node:fs/promises';
import { parseBlenderLine } from '../../../parsers/blenderLog.js';

const TAIL_BYTES = 16 * 1024;

export interface TaskLogReading {
  /** The frame of the last `Fra:` line after the last save; null when none. */
  readonly currentFrame: number | null;
  /** `SLURMD_NODENAME=…` from task.sh's first line, when it is still in the tail. */
  readonly node: string | null;
}

export async function readTaskLog(path: string): Promise<TaskLogReading> {
  let text: string;
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await file.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
    } finally {
      await file.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { currentFrame: null, node: null };
    throw error;
  }
  let currentFrame: number | null = null;
  let node: string | null = null;
  for (const line of text.split('\n')) {
    const named = /SLURMD_NODENAME=(\S+)/.exec(line);
    if (named?.[1]) node = named[1];
    const event = parseBlenderLine(line);
    if (event.kind === 'progress') currentFrame = event.frame;
    else if (event.kind === 'saved') currentFrame = null;
  }
  return { currentFrame, node };
}
