import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evenSplit, nextChunkSize, PROBE_CHUNK_FRAMES, TARGET_CHUNK_SECONDS } from '../../src/render/plan.js';
import { frameRange } from '../../src/render/frameList.js';
import { FrameQueue } from '../../src/render/frameQueue.js';

describe('evenSplit', () => {
  it('covers the tutorial job 1..235 on 4 parts: every frame exactly once, sizes 59/59/59/58', () => {
    const groups = evenSplit(frameRange(1, 235), 4);
    expect(groups.map((g) => g.length)).toEqual([59, 59, 59, 58]);
    expect(groups.flat()).toEqual(frameRange(1, 235));
    expect(groups.map((g) => [g[0], g.at(-1)])).toEqual([[1, 59], [60, 118], [119, 177], [178, 235]]);
  });

  it('never has more groups than frames', () => {
    expect(evenSplit([1, 2, 3], 8)).toEqual([[1], [2], [3]]);
  });

  it('for any frames and parts: a partition into groups whose sizes differ by at most one', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 400 }),
      fc.integer({ min: 1, max: 64 }),
      (unsorted, parts) => {
        const frames = [...unsorted].sort((a, b) => a - b);
        const groups = evenSplit(frames, parts);
        expect(groups.flat()).toEqual(frames);
        const sizes = groups.map((g) => g.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThan(0);
      },
    ));
  });
});

describe('nextChunkSize', () => {
  it('takes a small probe chunk before any frame time is known', () => {
    expect(nextChunkSize({ remaining: 235, parts: 4, secondsPerFrame: null })).toBe(PROBE_CHUNK_FRAMES);
  });

  it('fills about TARGET_CHUNK_SECONDS at the measured speed', () => {
    expect(nextChunkSize({ remaining: 10_000, parts: 4, secondsPerFrame: 6 })).toBe(TARGET_CHUNK_SECONDS / 6);
  });

  it('shrinks towards the end so every part gets some of the tail', () => {
    expect(nextChunkSize({ remaining: 16, parts: 4, secondsPerFrame: 0.5 })).toBe(2);
    expect(nextChunkSize({ remaining: 1, parts: 4, secondsPerFrame: 0.5 })).toBe(1);
  });

  it('makes chunks worth a blender start-up when frames are much cheaper than starting', () => {
    // 2 s start-up, 0.1 s frames: a chunk of fewer than 20 frames is mostly start-up.
    expect(nextChunkSize({ remaining: 200, parts: 2, secondsPerFrame: 0.1, startupSeconds: 2 })).toBe(50);
    expect(nextChunkSize({ remaining: 30, parts: 2, secondsPerFrame: 0.1, startupSeconds: 2 })).toBe(15);
  });

  it('--chunk fixes the size, capped by what is left', () => {
    expect(nextChunkSize({ remaining: 100, parts: 4, secondsPerFrame: 0.01, fixed: 7 })).toBe(7);
    expect(nextChunkSize({ remaining: 3, parts: 4, secondsPerFrame: null, fixed: 7 })).toBe(3);
    expect(nextChunkSize({ remaining: 0, parts: 4, secondsPerFrame: null })).toBe(0);
  });

  it('a simulated dynamic queue hands out every frame exactly once', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 16 }),
      fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: null }),
      (count, parts, secondsPerFrame) => {
        const queue = new FrameQueue(frameRange(1, count));
        const handed: number[] = [];
        while (queue.size > 0) {
          const size = nextChunkSize({ remaining: queue.size, parts, secondsPerFrame });
          expect(size).toBeGreaterThan(0);
          handed.push(...queue.take(size));
        }
        expect(handed).toEqual(frameRange(1, count));
      },
    ));
  });
});

describe('FrameQueue', () => {
  it('puts frames to retry in front of new work', () => {
    const queue = new FrameQueue([1, 2, 3, 4, 5]);
    expect(queue.take(2)).toEqual([1, 2]);
    queue.requeue([2]);
    expect(queue.take(2)).toEqual([2, 3]);
    expect(queue.drain()).toEqual([4, 5]);
    expect(queue.size).toBe(0);
  });
});
