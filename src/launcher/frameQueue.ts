// The dynamic split's shared queue: parts take chunks from the front; frames to retry go back in
// at the front, so a failed frame is rendered again before new work. Render workers take single
// frames (see frameDispatch) from a queue kept in increasing order.

export class FrameQueue {
  private pending: number[];

  constructor(frames: readonly number[]) {
    this.pending = [...frames];
  }

  get size(): number {
    return this.pending.length;
  }

  /** The frames waiting, front first. */
  get frames(): readonly number[] {
    return this.pending;
  }

  take(count: number): number[] {
    return this.pending.splice(0, Math.max(0, count));
  }

  /** Takes one given frame out of the queue; false when it is not there. */
  takeFrame(frame: number): boolean {
    const index = this.pending.indexOf(frame);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }

  requeue(frames: readonly number[]): void {
    this.pending = [...frames, ...this.pending];
  }

  /** Puts frames back where they belong in a queue kept in increasing order. */
  putBack(frames: readonly number[]): void {
    for (const frame of frames) {
      const index = this.pending.findIndex((queued) => queued > frame);
      this.pending.splice(index < 0 ? this.pending.length : index, 0, frame);
    }
  }

  /** Empties the queue (cancellation); returns what was still waiting. */
  drain(): number[] {
    return this.pending.splice(0);
  }
}
