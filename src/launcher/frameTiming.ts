// Measured frame times, split into blender's start-up (loading the .blend, compiling kernels) and the
// steady time per frame, so the dynamic queue can size chunks that are worth a new process.

export class FrameTiming {
  private startupTotal = 0;
  private startupCount = 0;
  private frameTotal = 0;
  private frameCount = 0;

  /** `seconds` since the process started (first frame) or since its previous frame. */
  record(seconds: number, firstOfProcess: boolean): void {
    if (firstOfProcess) {
      this.startupTotal += seconds;
      this.startupCount += 1;
    } else {
      this.frameTotal += seconds;
      this.frameCount += 1;
    }
  }

  /** Steady seconds per frame; until a process has done two frames, the first-frame time stands in. */
  secondsPerFrame(): number | null {
    if (this.frameCount > 0) return this.frameTotal / this.frameCount;
    return this.startupCount > 0 ? this.startupTotal / this.startupCount : null;
  }

  /** Seconds a new process costs before its first frame; null until both kinds are measured. */
  startupSeconds(): number | null {
    if (this.frameCount === 0 || this.startupCount === 0) return null;
    return Math.max(0, this.startupTotal / this.startupCount - this.frameTotal / this.frameCount);
  }
}
