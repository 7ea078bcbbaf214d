import { describe, expect, it } from 'vitest';
import { FrameTiming } from '../../src/launcher/frameTiming.js';

describe('FrameTiming', () => {
  it('knows nothing before the first frame', () => {
    const timing = new FrameTiming();
    expect(timing.secondsPerFrame()).toBeNull();
    expect(timing.startupSeconds()).toBeNull();
  });

  it('separates blender start-up from the steady time per frame', () => {
    const timing = new FrameTiming();
    timing.record(3, true); // start-up 2.5 s + a 0.5 s frame
    expect(timing.secondsPerFrame()).toBe(3);
    timing.record(0.5, false);
    timing.record(0.5, false);
    expect(timing.secondsPerFrame()).toBe(0.5);
    expect(timing.startupSeconds()).toBe(2.5);
  });
});
