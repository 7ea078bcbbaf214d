// How a Slurm render splits its frames into array tasks. Pure.
//
// Slurm runs at most PARTS tasks at once (`--array=1-T%PARTS`) and hands the next task to whichever
// slot frees first, so more, smaller tasks than slots balance uneven frames and nodes of different
// speed, while each task pays one Blender start-up. With T tasks of N/T frames, a frame costing f
// and a start-up s, list scheduling ends within (N·f + T·s)/P + s + (N/T)·f; that is smallest at
// T = √(N·P·f/s). Frame costs are unknown before the first frame, so omtop takes f ≈ s (a frame
// costs about one start-up): T = √(N·P), never fewer than P tasks nor more than N. `--chunk C`
// fixes C frames per task; `--split even` makes exactly P tasks.
import type { SplitMode } from '../jobConfig.js';

export interface TaskPlanOptions {
  readonly parts: number;
  readonly split: SplitMode;
  readonly chunk?: number;
}

export function taskCount(frames: number, parts: number): number {
  if (frames <= 0) return 0;
  const slots = Math.max(1, Math.min(parts, frames));
  return Math.max(slots, Math.min(frames, Math.round(Math.sqrt(frames * slots))));
}

/** The frames of each task, in order; every frame in exactly one task, sizes differing by at most one. */
export function planTasks(frames: readonly number[], options: TaskPlanOptions): number[][] {
  if (frames.length === 0) return [];
  const count = options.split === 'even'
    ? Math.min(options.parts, frames.length)
    : options.chunk !== undefined ? Math.ceil(frames.length / options.chunk) : taskCount(frames.length, options.parts);
  const tasks: number[][] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    // With --chunk, every task but the last has exactly `chunk` frames.
    const size = options.split !== 'even' && options.chunk !== undefined
      ? Math.min(options.chunk, frames.length - from)
      : Math.floor(frames.length / count) + (i < frames.length % count ? 1 : 0);
    tasks.push(frames.slice(from, from + size));
    from += size;
  }
  return tasks;
}

/** A makespan estimate (in start-ups) for T tasks, the bound above with f = s = 1; for tests and docs. */
export function makespanBound(frames: number, parts: number, tasks: number): number {
  return (frames + tasks) / parts + 1 + frames / tasks;
}
