// How frames are shared among PARTS blender processes: a fixed even split, or the chunk size
// for the dynamic queue, where each free part takes the next chunk.

/**
 * Splits sorted frames into `parts` consecutive groups whose sizes differ by at most one;
 * every frame lands in exactly one group. The first `frames.length % parts` groups get the extra frame.
 */
export function evenSplit(frames: readonly number[], parts: number): number[][] {
  const count = Math.max(1, Math.min(Math.floor(parts), frames.length));
  const base = Math.floor(frames.length / count);
  const extra = frames.length % count;
  const groups: number[][] = [];
  let next = 0;
  for (let i = 0; i < count; i += 1) {
    const size = base + (i < extra ? 1 : 0);
    groups.push(frames.slice(next, next + size));
    next += size;
  }
  return groups;
}

export interface ChunkSizing {
  /** Frames still waiting in the queue. */
  readonly remaining: number;
  readonly parts: number;
  /** Measured mean wall seconds per frame (blender start-up included); null before the first frame. */
  readonly secondsPerFrame: number | null;
  /** Measured cost of starting a blender process; null when not known yet. */
  readonly startupSeconds?: number | null;
  /** `--chunk N`: a fixed size, no adapting. */
  readonly fixed?: number;
}

/**
 * A chunk should last about this long: long enough that blender's start-up (about a second, more for
 * big scenes) is small beside it, short enough that a fast node soon comes back for more.
 */
export const TARGET_CHUNK_SECONDS = 60;
/** Before any frame time is known, a part takes a small probe chunk so the next one can be sized. */
export const PROBE_CHUNK_FRAMES = 5;

/**
 * The next chunk for a free part. Adaptive: the frames that fill TARGET_CHUNK_SECONDS at the measured
 * speed, but no more than half of an equal share of what is left, so the tail of the job is spread over
 * all parts instead of landing on one slow process. And never so small that starting blender costs more
 * than rendering the chunk (unless that would leave a part without work).
 */
export function nextChunkSize(sizing: ChunkSizing): number {
  const { remaining, parts, secondsPerFrame, fixed } = sizing;
  if (remaining <= 0) return 0;
  if (fixed !== undefined) return Math.min(Math.max(1, Math.floor(fixed)), remaining);
  const workers = Math.max(1, parts);
  const halfShare = Math.ceil(remaining / (2 * workers));
  const measured = secondsPerFrame !== null && secondsPerFrame > 0;
  const byTime = measured ? Math.floor(TARGET_CHUNK_SECONDS / secondsPerFrame) : PROBE_CHUNK_FRAMES;
  const startup = sizing.startupSeconds ?? null;
  const worthAProcess = measured && startup !== null ? Math.ceil(startup / secondsPerFrame) : 1;
  const floor = Math.max(1, Math.min(worthAProcess, Math.ceil(remaining / workers)));
  return Math.min(remaining, Math.max(floor, Math.min(halfShare, byTime)));
}
