import { describe, expect, it } from 'vitest';
import { frameRange } from '../../src/launcher/frameList.js';
import { evenSplit } from '../../src/launcher/plan.js';
import type { ChunkSizing } from '../../src/launcher/plan.js';
import { lowerBound, simulateDynamic, simulateStatic, simulateWorkers, tutorialSplit, type SimSetup } from '../../bench/makespanSim.js';

const span = (group: readonly number[]): string => `${group[0]}-${group[group.length - 1]}`;

describe('tutorialSplit', () => {
  it('reproduces the script: render FILE 1 235 4 renders 2-233 in four chunks of 58', () => {
    const groups = tutorialSplit(1, 235, 4);
    expect(groups.map(span)).toEqual(['2-59', '60-117', '118-175', '176-233']);
    expect(groups.flat()).toHaveLength(232);
  });

  it("gives Gloor's own example (0 1000 2) every frame", () => {
    expect(tutorialSplit(0, 1000, 2).map(span)).toEqual(['1-500', '501-1000']);
  });
});

const flat = (workers: number[], work = 2, startupWork = 1): SimSetup => ({
  workers: workers.map((speed, i) => ({ name: `w${i}`, speed })),
  workOf: () => work,
  startupWork,
});

describe('lowerBound', () => {
  it('is total work over total speed', () => {
    expect(lowerBound([1, 2, 3, 4, 5], { workers: [{ name: 'a', speed: 1 }, { name: 'b', speed: 4 }], workOf: () => 10 })).toBe(10);
    expect(lowerBound([1, 2], { workers: [{ name: 'a', speed: 2 }], workOf: (frame) => frame })).toBe(1.5);
  });
});

describe('simulateStatic', () => {
  it('gives each worker its group in one process, start-up included', () => {
    const result = simulateStatic([[1, 2], [3]], flat([1, 2], 1, 1));
    expect(result.busySeconds).toEqual([3, 1]);
    expect(result.makespan).toBe(3);
    expect(result.processes).toBe(2);
    expect(result.framesRendered).toBe(3);
  });

  it('counts nothing for an empty group', () => {
    const result = simulateStatic([[1], []], flat([1, 1], 4, 0));
    expect(result.busySeconds).toEqual([4, 0]);
    expect(result.processes).toBe(1);
  });
});

describe('simulateDynamic', () => {
  it('with one-frame chunks, every frame is a new process', () => {
    const result = simulateDynamic(frameRange(1, 4), flat([1, 1], 2, 1), () => 1);
    expect(result.processes).toBe(4);
    expect(result.framesRendered).toBe(4);
    expect(result.makespan).toBe(6);
    expect(result.busySeconds).toEqual([6, 6]);
  });

  it('with one chunk of everything, one worker does it all in one process', () => {
    const result = simulateDynamic(frameRange(1, 5), flat([1, 1], 2, 1), (sizing) => sizing.remaining);
    expect(result.processes).toBe(1);
    expect(result.makespan).toBe(11);
    expect(result.busySeconds).toEqual([11, 0]);
  });

  it('records a chunk\'s frames before that worker asks for its next chunk', () => {
    const seen: (number | null)[] = [];
    const sizer = (sizing: ChunkSizing): number => {
      seen.push(sizing.secondsPerFrame);
      return 1;
    };
    simulateDynamic(frameRange(1, 3), flat([1], 2, 1), sizer);
    // First ask: nothing measured; then the first frame's 3 s (start-up + work) stands in.
    expect(seen).toEqual([null, 3, 3, 3]);
  });

  it("with the engine's chunk sizing, renders every frame once, never beats the bound, and beats the even split on skewed speeds", () => {
    const frames = frameRange(1, 120);
    const setup: SimSetup = {
      workers: [8240, 19000, 26842, 12000].map((speed, i) => ({ name: `n${i}`, speed })),
      workOf: (frame) => 100_000 * (frame % 7 === 0 ? 3 : 1),
      startupWork: 10_000,
    };
    const dynamic = simulateDynamic(frames, setup);
    const even = simulateStatic(evenSplit(frames, 4), setup);
    expect(dynamic.framesRendered).toBe(120);
    expect(dynamic.makespan).toBeGreaterThanOrEqual(lowerBound(frames, setup));
    expect(dynamic.makespan).toBeLessThan(even.makespan);
  });
});

describe('simulateWorkers', () => {
  it('pays one start-up per worker, then hands out one frame at a time to whichever worker is free', () => {
    // Speeds 1 and 3, start-up work 1, frames of work 3: w1 is ready at 1/3 and takes frame 1 (done at
    // 4/3), w0 is ready at 1 and takes frame 2 (done at 4), w1 takes frames 3 and 4 (done at 10/3).
    const result = simulateWorkers(frameRange(1, 4), flat([1, 3], 3, 1));
    expect(result.processes).toBe(2);
    expect(result.framesRendered).toBe(4);
    expect(result.makespan).toBeCloseTo(4, 9);
    expect(result.busySeconds.map((seconds) => Number(seconds.toFixed(6)))).toEqual([4, 3.333333]);
  });

  it("with the engine's pickFrame, renders every frame once, never beats the bound, and beats the even split on skewed speeds", () => {
    const frames = frameRange(1, 120);
    const setup: SimSetup = {
      workers: [8240, 19000, 26842, 12000].map((speed, i) => ({ name: `n${i}`, speed })),
      workOf: (frame) => 100_000 * (frame % 7 === 0 ? 3 : 1),
      startupWork: 10_000,
    };
    const workers = simulateWorkers(frames, setup);
    expect(workers.framesRendered).toBe(120);
    expect(workers.makespan).toBeGreaterThanOrEqual(lowerBound(frames, setup));
    expect(workers.makespan).toBeLessThan(simulateStatic(evenSplit(frames, 4), setup).makespan);
  });
});
