import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evenSplit, nextChunkSize, STARTUP_MULTIPLE } from '../../src/launcher/plan.js';
import { frameRange } from '../../src/launcher/frameList.js';
import { FrameQueue } from '../../src/launcher/frameQueue.js';

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
  it('probes with a third of an equal share before any frame time is known', () => {
    expect(nextChunkSize({ remaining: 235, parts: 4, secondsPerFrame: null })).toBe(20);
    // 28 frames on 2 parts: 5 then 4, not one start-up per frame or two.
    expect(nextChunkSize({ remaining: 28, parts: 2, secondsPerFrame: null })).toBe(5);
    expect(nextChunkSize({ remaining: 23, parts: 2, secondsPerFrame: null })).toBe(4);
    expect(nextChunkSize({ remaining: 2, parts: 4, secondsPerFrame: null })).toBe(1);
  });

  it('guided: half an equal share of the unfinished frames, the queue plus what other parts hold', () => {
    // Start-up free beside the frames: the guided size alone decides.
    expect(nextChunkSize({ remaining: 200, parts: 4, secondsPerFrame: 30, startupSeconds: 0.5 })).toBe(25);
    expect(nextChunkSize({ remaining: 200, parts: 4, secondsPerFrame: 30, startupSeconds: 0.5, inProgress: 40 })).toBe(30);
  });

  it('makes a chunk last at least STARTUP_MULTIPLE start-ups when frames are cheap', () => {
    // 2 s start-up, 0.5 s frames: 5 × 2 / 0.5 = 20 frames, above the guided ceil(100 / 8) = 13.
    expect(nextChunkSize({ remaining: 100, parts: 4, secondsPerFrame: 0.5, startupSeconds: 2 })).toBe((STARTUP_MULTIPLE * 2) / 0.5);
    expect(nextChunkSize({ remaining: 100, parts: 4, secondsPerFrame: 0.5, startupSeconds: null })).toBe(13);
  });

  it('never takes more than an equal share of the unfinished frames, even below the start-up minimum', () => {
    expect(nextChunkSize({ remaining: 30, parts: 2, secondsPerFrame: 0.1, startupSeconds: 2 })).toBe(15);
    expect(nextChunkSize({ remaining: 30, parts: 2, secondsPerFrame: 0.1, startupSeconds: 2, inProgress: 10 })).toBe(20);
    expect(nextChunkSize({ remaining: 1, parts: 4, secondsPerFrame: 0.5, startupSeconds: 2 })).toBe(1);
  });

  it('--chunk fixes the size, capped by what is left', () => {
    expect(nextChunkSize({ remaining: 100, parts: 4, secondsPerFrame: 0.01, startupSeconds: 5, fixed: 7 })).toBe(7);
    expect(nextChunkSize({ remaining: 100, parts: 4, secondsPerFrame: 0.01, startupSeconds: 5, inProgress: 50, fixed: 1 })).toBe(1);
    expect(nextChunkSize({ remaining: 3, parts: 4, secondsPerFrame: null, fixed: 7 })).toBe(3);
    expect(nextChunkSize({ remaining: 0, parts: 4, secondsPerFrame: null })).toBe(0);
  });

  it('with unknown or nonsense timings still gives a whole chunk within the queue', () => {
    for (const secondsPerFrame of [null, 0, -1, Number.NaN]) {
      const size = nextChunkSize({ remaining: 50, parts: 2, secondsPerFrame, startupSeconds: Number.NaN, inProgress: -3 });
      expect(Number.isInteger(size)).toBe(true);
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(50);
    }
  });

  const timings = fc.record({
    parts: fc.integer({ min: 1, max: 16 }),
    secondsPerFrame: fc.double({ min: 0.01, max: 100, noNaN: true }),
    startupSeconds: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null }),
    inProgress: fc.integer({ min: 0, max: 500 }),
  });

  it('for any timings: within the start-up minimum unless fewer frames remain than an equal share allows', () => {
    fc.assert(fc.property(timings, fc.integer({ min: 1, max: 2000 }), (t, remaining) => {
      const size = nextChunkSize({ remaining, ...t });
      const worthAStart = Math.ceil((STARTUP_MULTIPLE * (t.startupSeconds ?? 0)) / t.secondsPerFrame);
      const equalShare = Math.ceil((remaining + t.inProgress) / t.parts);
      expect(size).toBeGreaterThanOrEqual(Math.min(worthAStart, remaining, equalShare));
      expect(size).toBeLessThanOrEqual(Math.min(remaining, equalShare));
      expect(size).toBeGreaterThanOrEqual(1);
    }));
  });

  it('for any timings: chunks never grow as the queue shrinks', () => {
    fc.assert(fc.property(timings, fc.integer({ min: 2, max: 2000 }), (t, remaining) => {
      const now = nextChunkSize({ remaining, ...t });
      const later = nextChunkSize({ remaining: remaining - 1, ...t });
      expect(later).toBeLessThanOrEqual(now);
    }));
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
