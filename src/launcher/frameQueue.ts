// The frames waiting to be rendered. The dynamic split's parts take chunks from the front; frames to
// retry go back in at the front, so a failed frame is rendered again before new work. Render workers
// take single frames (see frameDispatch) from a queue kept in increasing order. Taking from the front
// moves an offset instead of shifting the array: a million frames taken one at a time stay linear.

export class FrameQueue {
  private pending: number[];
  /** pending[head] is the front; everything before it was taken. */
  private head = 0;

  constructor(frames: readonly number[]) {
    this.pending = [...frames];
  }

  get size(): number {
    return this.pending.length - this.head;
  }

  take(count: number): number[] {
    const taken = this.pending.slice(this.head, this.head + Math.max(0, count));
    this.head += taken.length;
    this.compact();
    return taken;
  }

  /** The first waiting frame not below `atLeast` (any frame when null); undefined when there is none. */
  first(atLeast: number | null): number | undefined {
    for (let i = this.head; i < this.pending.length; i += 1) {
      const frame = this.pending[i];
      if (frame !== undefined && (atLeast === null || frame >= atLeast)) return frame;
    }
    return undefined;
  }

  /** Takes one given frame out of the queue (at once when it is the front one); false when it is not there. */
  takeFrame(frame: number): boolean {
    if (this.pending[this.head] === frame) {
      this.head += 1;
      this.compact();
      return true;
    }
    const index = this.pending.indexOf(frame, this.head);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }

  requeue(frames: readonly number[]): void {
    this.pending = [...frames, ...this.pending.slice(this.head)];
    this.head = 0;
  }

  /** Puts frames back where they belong in a queue kept in increasing order. */
  putBack(frames: readonly number[]): void {
    for (const frame of frames) {
      let index = this.head;
      while (index < this.pending.length && (this.pending[index] ?? Number.POSITIVE_INFINITY) <= frame) index += 1;
      this.pending.splice(index, 0, frame);
    }
  }

  /** Empties the queue (cancellation); returns what was still waiting. */
  drain(): number[] {
    const waiting = this.pending.slice(this.head);
    this.pending = [];
    this.head = 0;
    return waiting;
  }

  /** Drops the taken front once it is most of the array, so memory follows what is still waiting. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
  }
}
