// What the ways of running a part (render workers, or one blender per chunk) report to their job, and
// what they ask of it: the job keeps the books (frames done, failures, retries, events, the running
// processes a cancel must stop), the part loops decide which blender renders which frame.
import type { RenderJobConfig } from './jobConfig.js';
import type { FrameTiming } from './frameTiming.js';
import type { PartProcessResult, RunningPartProcess } from './partProcess.js';
import type { PartRecord } from './partRecord.js';

export interface ProcessEnd {
  readonly result: PartProcessResult;
  /** Frames that process held and did not render. */
  readonly missing: readonly number[];
  /** Why frames cannot be written into their folder (a full disk…), when that is why they are missing. */
  readonly writeProblem: string | null;
  /** The process rendered none of its frames. */
  readonly nothingSaved: boolean;
}

export interface PartHost {
  readonly config: RenderJobConfig;
  /** Measured frame times across parts (the chunk sizes of one blender per chunk). */
  readonly timing: FrameTiming;
  /** Cancelled, or stopped by a failure: take no more work. */
  stopping(): boolean;
  /** Failures so far of a frame (0 on its first try). */
  failuresOf(frame: number): number;
  /** Frames taken by parts and neither done nor given up: work that may still come back to the queue. */
  framesInHand(queued: number): number;
  /** A blender of `part` started for `frames` (empty: frames handed one by one); `attempt` counts from 1. */
  processStarted(part: PartRecord, process: RunningPartProcess, argv: readonly string[], frames: readonly number[], attempt: number): void;
  processEnded(part: PartRecord, process: RunningPartProcess, end: ProcessEnd): void;
  currentFrame(part: PartRecord, frame: number): void;
  /** A render worker of `part` was handed `frame`: now its current frame. */
  frameStarted(part: PartRecord, frame: number): void;
  /**
   * `seconds`: wall time since the process started (its first frame) or its previous frame.
   * False (and nothing counted) when the frame was already done.
   */
  frameDone(part: PartRecord, frame: number, file: string, seconds: number, firstOfProcess: boolean): boolean;
  /** Counts a failure for each frame; returns those still allowed another try. */
  allowedRetries(part: PartRecord, frames: readonly number[]): number[];
  /** A render worker's frame failed with blender's error while no frame of the job is done yet. */
  failedBeforeAnyFrame(part: PartRecord, error: string): void;
  /** Frames cannot be written (full or read-only disk): stop the job with this message. */
  stopFor(message: string): void;
  /** Resolves at the next change (a frame done or back in the queue, a process ended, a cancel). */
  nextChange(): Promise<void>;
  /** Wakes the parts waiting in nextChange. */
  changed(): void;
  /** The part has finished: done, failed, or cancelled. */
  partFinished(part: PartRecord): void;
  notify(): void;
}
