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
  /** Measured steady wall seconds per frame; null before the first frame. */
  readonly secondsPerFrame: number | null;
  /** Measured cost of starting a blender process; null when not known yet. */
  readonly startupSeconds?: number | null;
  /** Frames other parts have taken and not finished yet: work still to share, though not in the queue. */
  readonly inProgress?: number;
  /** `--chunk N`: a fixed size, no adapting. */
  readonly fixed?: number;
}

/**
 * Guided self-scheduling divisor: a part takes 1/(GUIDED_DIVISOR × parts) of the unfinished work.
 * At 2, even a part with 1/8 of the cluster's speed (the tutorial's 8240 of 66082) finishes its chunk about
 * when the others finish the rest, while 235 frames on 4 parts take ~24 processes instead of ~113.
 */
export const GUIDED_DIVISOR = 2;
/**
 * Before any frame time is known a part takes a third of an equal share of the queue: big enough that
 * 28 frames on 2 parts start with 5 and 4 (not 1 or 2 at a 2-5 s start-up each), small enough that the
 * tutorial's slowest node (1/8 of the speed) is not handed a quarter of the job blind.
 */
export const PROBE_DIVISOR = 3;
/** A chunk should render for at least this many start-ups, so starting blender is at most ~1/6 of its time. */
export const STARTUP_MULTIPLE = 5;

/**
 * The next chunk for a free part of the dynamic queue. Every chunk is a new blender process, so each
 * chunk pays the start-up (2-5 s measured) again; the size trades that cost against balance:
 * - guided self-scheduling: ceil(unfinished / (GUIDED_DIVISOR × parts)), unfinished = queue + frames
 *   other parts still hold; large early, smaller late, so the parts finish close together;
 * - at least STARTUP_MULTIPLE × start-up seconds of frames, so a cheap-frame scene does not pay a
 *   start-up per frame or two;
 * - never more than an equal share of the unfinished frames, so a part never takes work the others
 *   would have to wait out (this wins over the start-up minimum near the end: an idle part is worse);
 * - before any measurement, a probe of a third of an equal share of the queue.
 * Measured in bench 6 (235 frames, 4 nodes of speeds 8240-26842, 5 s start-up): 24 processes and 1.03×
 * the lower bound, where one process per 60 s of frames took 113 and 1.08×.
 * Pure: the caller passes what it measured.
 */
export function nextChunkSize(sizing: ChunkSizing): number {
  const { remaining, parts, secondsPerFrame, fixed } = sizing;
  if (remaining <= 0) return 0;
  if (fixed !== undefined) return Math.min(Math.max(1, Math.floor(fixed)), remaining);
  const workers = Math.max(1, Math.floor(parts));
  if (secondsPerFrame === null || !(secondsPerFrame > 0)) {
    return Math.min(remaining, Math.ceil(remaining / (PROBE_DIVISOR * workers)));
  }
  const unfinished = remaining + Math.max(0, sizing.inProgress ?? 0);
  const equalShare = Math.ceil(unfinished / workers);
  const guided = Math.ceil(unfinished / (GUIDED_DIVISOR * workers));
  const startup = sizing.startupSeconds ?? 0;
  const worthAStart = startup > 0 ? Math.ceil((STARTUP_MULTIPLE * startup) / secondsPerFrame) : 1;
  return Math.max(1, Math.min(remaining, equalShare, Math.max(guided, worthAStart)));
}
