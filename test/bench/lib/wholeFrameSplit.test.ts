import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestTwoPartMakespan, MAX_SPLIT_FRAMES, wholeFrameFloor } from '../../../bench/lib/wholeFrameSplit.js';

/** Every assignment of frames to two parts, the obviously-correct way. */
function bruteForce(values: readonly number[]): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << values.length; mask += 1) {
    const first = values.reduce((sum, value, index) => ((mask >> index) & 1 ? sum + value : sum), 0);
    best = Math.min(best, Math.max(first, total - first));
  }
  return best;
}

describe('bestTwoPartMakespan', () => {
  it('gives one part three of five equal heavy frames, as in the spiky scene', () => {
    const spiky = Array.from({ length: 28 }, (_, index) => ((index + 1) % 5 === 0 ? 7 : 0.2));
    // 3 heavy frames (21 s) against 2 heavy + 23 light (18.6 s): no whole-frame split does better.
    expect(bestTwoPartMakespan(spiky)).toBeCloseTo(21, 9);
  });

  it('splits a ramp of frame costs nearly evenly, unlike a split into two halves of the range', () => {
    const ramp = Array.from({ length: 32 }, (_, index) => index + 1);
    expect(bestTwoPartMakespan(ramp)).toBe(264);
    expect(ramp.slice(16).reduce((sum, value) => sum + value, 0)).toBe(392);
  });

  it('handles no frames and one frame', () => {
    expect(bestTwoPartMakespan([])).toBe(0);
    expect(bestTwoPartMakespan([3.5])).toBe(3.5);
  });

  it('matches trying every assignment', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 12 }), (values) => {
      expect(bestTwoPartMakespan(values)).toBeCloseTo(bruteForce(values), 9);
    }));
  });

  it('refuses more frames than it can enumerate', () => {
    expect(() => bestTwoPartMakespan(new Array<number>(MAX_SPLIT_FRAMES + 1).fill(1))).toThrow(/at most 40/);
  });
});

describe('wholeFrameFloor', () => {
  it('takes the start-up out of the first frame and charges it to each part', () => {
    // First frame 2.2 s = 2 s start-up + 0.2 s render; then frames of 0.2, 4, 4, 4.
    const floor = wholeFrameFloor([2.2, 0.2, 4, 4, 4]);
    expect(floor.startupSeconds).toBeCloseTo(2, 9);
    expect(floor.makespanSeconds).toBeCloseTo(2 + 8, 9);
  });

  it('never estimates a negative start-up', () => {
    expect(wholeFrameFloor([0.1, 0.5, 0.4]).startupSeconds).toBe(0);
  });

  it('needs two frame times', () => {
    expect(() => wholeFrameFloor([1])).toThrow(/at least two/);
  });
});
