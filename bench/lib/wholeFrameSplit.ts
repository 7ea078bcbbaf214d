// The best any scheduler can do when frames cannot be cut: the lower bound of bench 7 divides the
// work fractionally, but a part renders whole frames and each part's blender pays one start-up.
// With few heavy frames (5 over 2 parts) the gap between the two is large, so the bench shows it.

/** Largest number of frames the exact two-way split accepts: it enumerates 2^(n/2) subsets per half. */
export const MAX_SPLIT_FRAMES = 40;

function subsetSums(values: readonly number[]): number[] {
  let sums = [0];
  for (const value of values) sums = sums.concat(sums.map((sum) => sum + value));
  return sums;
}

/** Index of the largest sorted value ≤ limit, or -1. */
function largestAtMost(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Number.POSITIVE_INFINITY) <= limit) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The smallest possible finish time of the slower of two parts that share whole frames of these
 * costs (any frames to either part, not only contiguous ranges). Exact, by meet-in-the-middle:
 * the slower part finishes at total − (largest subset sum ≤ total / 2).
 */
export function bestTwoPartMakespan(frameSeconds: readonly number[]): number {
  if (frameSeconds.length > MAX_SPLIT_FRAMES) {
    throw new Error(`bestTwoPartMakespan: ${frameSeconds.length} frames, at most ${MAX_SPLIT_FRAMES} supported`);
  }
  const total = frameSeconds.reduce((sum, seconds) => sum + seconds, 0);
  const half = total / 2;
  const middle = Math.floor(frameSeconds.length / 2);
  const left = subsetSums(frameSeconds.slice(0, middle));
  const right = subsetSums(frameSeconds.slice(middle)).sort((a, b) => a - b);
  let closest = 0;
  for (const leftSum of left) {
    const index = largestAtMost(right, half - leftSum);
    if (index >= 0) closest = Math.max(closest, leftSum + (right[index] ?? 0));
  }
  return total - closest;
}

export interface WholeFrameFloor {
  /** Blender's start-up, estimated as the first frame's time minus the second's. */
  readonly startupSeconds: number;
  /** Finish time of the best two-part split in which each part starts blender once. */
  readonly makespanSeconds: number;
}

/**
 * The floor for a two-part split from a one-part run's frame times, whose first frame includes the
 * one blender start-up. Assumes frames 1 and 2 cost about the same to render (true of both bench
 * scene profiles), so their difference is the start-up; each part then pays it once.
 */
export function wholeFrameFloor(frameSeconds: readonly number[]): WholeFrameFloor {
  const [first, second] = frameSeconds;
  if (first === undefined || second === undefined) throw new Error('wholeFrameFloor: needs at least two frame times');
  const startupSeconds = Math.max(0, first - second);
  const renderSeconds = [first - startupSeconds, ...frameSeconds.slice(1)];
  return { startupSeconds, makespanSeconds: startupSeconds + bestTwoPartMakespan(renderSeconds) };
}
