// The live, mutable bookkeeping of one part (one slot of PARTS), and its read-only view.
import type { PartState, PartView } from './types.js';
import { formatFrameList } from './frameList.js';

export class PartRecord {
  pid: number | null = null;
  currentFrame: number | null = null;
  state: PartState = 'pending';
  framesDone = 0;
  /** Frames permanently given up while this part held them. */
  framesFailed = 0;
  /** Blender's error lines from this part's last process that left frames missing (kept whole); empty after a clean one. */
  errors: readonly string[] = [];
  private measuredSeconds = 0;
  private readonly assigned = new Set<number>();

  constructor(
    readonly index: number,
    readonly logFile: string,
  ) {}

  assign(frames: readonly number[]): void {
    for (const frame of frames) this.assigned.add(frame);
  }

  /** Frames handed back to the shared queue belong to whichever part takes them next. */
  unassign(frames: readonly number[]): void {
    for (const frame of frames) this.assigned.delete(frame);
  }

  /** It held frames, and every one is done or given up. */
  get complete(): boolean {
    return this.assigned.size > 0 && this.framesDone + this.framesFailed >= this.assigned.size;
  }

  recordFrame(seconds: number): void {
    this.framesDone += 1;
    this.measuredSeconds += seconds;
  }

  view(): PartView {
    return {
      index: this.index,
      pid: this.pid,
      frames: formatFrameList([...this.assigned]),
      currentFrame: this.currentFrame,
      framesDone: this.framesDone,
      framesTotal: this.assigned.size,
      secondsPerFrame: this.framesDone > 0 ? this.measuredSeconds / this.framesDone : null,
      state: this.state,
      logFile: this.logFile,
      errors: this.errors,
    };
  }
}
