import { describe, expect, it } from 'vitest';
import type { BlenderRender } from '../../parsers/renderCommand.js';
import type { PartView } from '../../src/launcher/types.js';
import { eachFrame, etaOf, framesOfRender, secondsPerFrame, sizeOf, spokenFrames } from '../../src/observer/partFrames.js';

const render = (frames: BlenderRender['frames'], step: number): BlenderRender => ({
  kind: 'blender', blender: 'blender', blendFile: 'a.blend', scene: null, engine: null, format: null, output: null, frames, step,
});

const part = (over: Partial<PartView>): PartView => ({
  index: 1, pid: 1, frames: '1-10', currentFrame: null, framesDone: 0, framesTotal: 10,
  secondsPerFrame: null, state: 'rendering', logFile: null, errors: [], ...over,
});

describe('a part\'s frames', () => {
  it('says runs of three or more as a range, shorter runs frame by frame', () => {
    expect(spokenFrames([1, 234, 235])).toBe('1, 234, 235');
    expect(spokenFrames([60, 61, 62, 63, 90])).toBe('60–63, 90');
  });

  it('expands -j steps into the frames blender renders, and keeps plain ranges as ranges', () => {
    expect(framesOfRender(render({ first: 1, last: 10 }, 3))).toEqual([1, 4, 7, 10]);
    expect(framesOfRender(render({ first: 1, last: 10 }, 1))).toEqual({ first: 1, last: 10 });
    expect(framesOfRender(render(null, 2))).toBeNull();
  });

  it('counts ranges and lists alike, and does not walk an absurd range frame by frame', () => {
    expect(sizeOf({ first: 5, last: 4 })).toBe(0);
    expect(sizeOf([3, 9])).toBe(2);
    const seen: number[] = [];
    eachFrame({ first: 1, last: 3 }, (f) => seen.push(f));
    expect(seen).toEqual([1, 2, 3]);
    let visits = 0;
    eachFrame({ first: 1, last: 50_000_000 }, () => { visits += 1; });
    expect(visits).toBe(0);
  });
});

describe('timing from frame files', () => {
  it('takes seconds per frame from the spacing of the files, else from the start', () => {
    expect(secondsPerFrame([1_000, 5_000, 9_000], 0)).toBe(4);
    expect(secondsPerFrame([3_000], 1_000)).toBe(2);
    expect(secondsPerFrame([3_000], null)).toBeNull();
    expect(secondsPerFrame([], 0)).toBeNull();
  });

  it('ends the job with its slowest rendering part, ignoring parts with no rate yet', () => {
    expect(etaOf([
      part({ framesDone: 8, secondsPerFrame: 10 }),
      part({ framesDone: 2, secondsPerFrame: 3 }),
      part({ framesDone: 0, secondsPerFrame: null }),
      part({ state: 'done', framesDone: 10, secondsPerFrame: 100 }),
    ])).toBe(24);
    expect(etaOf([part({ secondsPerFrame: null })])).toBeNull();
  });
});
