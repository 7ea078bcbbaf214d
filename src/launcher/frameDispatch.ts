// Which frame a free render worker takes next from its queue. Workers are long-lived (one blender
// per part), so a frame costs no start-up and the queue hands out one frame at a time until the
// last: a fast part simply comes back more often. One rule remains: a worker renders its frames in
// increasing order (a simulation that is not baked advances frame by frame), so it takes the lowest
// queued frame not below its last one; when only lower frames are left (frames that failed on
// another part), a fresh blender must take them.
//
// Measured in bench 6's simulator (235 frames, the tutorial's four nodes, speeds 8240-26842), this
// plain rule ends 1.01× the lower bound. An end-game rule (a slow worker leaves the last frames to a
// faster one that would finish them sooner, by each worker's mean frame time) gained nothing there
// (1.010×) and lost badly where a mean says more about which frames a worker got than about its
// speed (1.61× against 1.08× on a spiky scene with speeds 1:3), so there is none. What remains is
// the tail: a slow node may take one of the last frames (1.08× on 120 frames, every 7th three times
// as heavy, on the tutorial's speeds).
// Pure: the engine and the benchmark's simulator call the same function.

export type Pick =
  | { readonly kind: 'frame'; readonly frame: number }
  /** Only frames below this worker's last are left: a fresh blender must take them. */
  | { readonly kind: 'restart' }
  /** The queue is empty. */
  | { readonly kind: 'none' };

/** The frames waiting, in increasing order (a FrameQueue). */
export interface WaitingFrames {
  readonly size: number;
  /** The first waiting frame not below `atLeast` (any when null). */
  first(atLeast: number | null): number | undefined;
}

/** `lastFrame`: the highest frame the worker's blender was handed (null for a fresh one). */
export function pickFrame(queue: WaitingFrames, lastFrame: number | null): Pick {
  if (queue.size === 0) return { kind: 'none' };
  const frame = queue.first(lastFrame);
  return frame === undefined ? { kind: 'restart' } : { kind: 'frame', frame };
}
