// The dynamic split's shared queue: parts take chunks from the front; frames to retry go back in
// at the front, so a failed frame is rendered again before new work.

export class FrameQueue {
  private pending: number[];

  constructor(frames: readonly number[]) {
    this.pending = [...frames];
  }

  get size(): number {
    return this.pending.length;
  }

  take(count: number): number[] {
    return this.pending.splice(0, Math.max(0, count));
  }

  requeue(frames: readonly number[]): void {
    this.pending = [...frames, ...this.pending];
  }

  /** Empties the queue (cancellation); returns what was still waiting. */
  drain(): number[] {
    return this.pending.splice(0);
  }
}
