// The two scene profiles bench 7 renders. Both come from fixtures/blender/make-scene.py (the test
// scene, spiky by design); the ramp re-keys its samples with a bench-only script, so the tests'
// scene stays exactly as it was.

export interface SceneProfile {
  readonly name: 'spiky' | 'ramp';
  readonly frames: number;
  /** Run between make-scene.py and single-thread.py to change the per-frame cost; null keeps the scene's own. */
  readonly costScript: string | null;
  /** Why the profile is in the bench, for the rows' notes. */
  readonly why: string;
}

export const SCENE_PROFILES: readonly SceneProfile[] = [
  {
    name: 'spiky',
    // 28 frames: the even split gets heavy frames 5, 10 and 15, 20, 25 (2 against 3).
    frames: 28,
    costScript: null,
    why: 'spiky = every fifth frame 300 samples, the rest 2-4: the honest worst case, 5 heavy frames cannot split evenly over 2 parts',
  },
  {
    name: 'ramp',
    frames: 32,
    costScript: 'bench/blender/ramp-cost.py',
    why: 'ramp = samples rising 4 → 92 over the frames: the common case of later shots being heavier, where an even split gives the last part the heavy half',
  },
];
