// Which frame a free render worker takes: the lowest it may, never going back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickFrame } from '../../src/launcher/frameDispatch.js';
import { FrameQueue } from '../../src/launcher/frameQueue.js';

const queue = (frames: number[]): FrameQueue => new FrameQueue(frames);

describe('pickFrame', () => {
  it('gives a fresh worker the lowest queued frame', () => {
    expect(pickFrame(queue([3, 4, 9]), null)).toEqual({ kind: 'frame', frame: 3 });
  });

  it('gives a worker the lowest frame not below its last one', () => {
    expect(pickFrame(queue([2, 7, 9]), 5)).toEqual({ kind: 'frame', frame: 7 });
    // Its own failed frame comes back to it: rendering frame 5 again after 5 does not go back.
    expect(pickFrame(queue([5, 9]), 5)).toEqual({ kind: 'frame', frame: 5 });
  });

  it('asks for a fresh blender when only lower frames are left, and says when the queue is empty', () => {
    expect(pickFrame(queue([2, 3]), 5)).toEqual({ kind: 'restart' });
    expect(pickFrame(queue([]), 5)).toEqual({ kind: 'none' });
    expect(pickFrame(queue([]), null)).toEqual({ kind: 'none' });
  });

  it('for any queue and failures put back: the frames one blender is handed only go up, and every frame is rendered', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.boolean(), { maxLength: 100 }),
      (unsorted, workers, failures) => {
        const waiting = queue([...unsorted].sort((a, b) => a - b));
        // Each worker's blenders, newest last: a restart starts a fresh one.
        const blenders: number[][][] = Array.from({ length: workers }, () => [[]]);
        const rendered: number[] = [];
        for (let turn = 0; waiting.size > 0; turn += 1) {
          const mine = blenders[turn % workers] ?? [[]];
          const current = mine.at(-1) ?? [];
          const pick = pickFrame(waiting, current.at(-1) ?? null);
          if (pick.kind === 'restart') {
            mine.push([]);
            continue;
          }
          expect(pick.kind).toBe('frame');
          if (pick.kind !== 'frame') return;
          expect(waiting.takeFrame(pick.frame)).toBe(true);
          current.push(pick.frame);
          if (failures[turn] === true) waiting.putBack([pick.frame]);
          else rendered.push(pick.frame);
        }
        for (const frames of blenders.flat()) expect(frames).toEqual([...frames].sort((a, b) => a - b));
        expect(rendered.sort((a, b) => a - b)).toEqual([...unsorted].sort((a, b) => a - b));
      },
    ));
  });
});

describe('FrameQueue', () => {
  it('keeps put-back frames in order, and takes a frame from anywhere', () => {
    const frames = queue([2, 4, 6]);
    expect(frames.takeFrame(2)).toBe(true);
    expect(frames.takeFrame(4)).toBe(true);
    frames.putBack([4, 2]);
    expect(frames.first(null)).toBe(2);
    expect(frames.first(3)).toBe(4);
    expect(frames.takeFrame(6)).toBe(true);
    expect(frames.takeFrame(6)).toBe(false);
    expect(frames.drain()).toEqual([2, 4]);
    expect(frames.size).toBe(0);
  });

  it('hands out a million frames one at a time in linear time', () => {
    const count = 1_000_000;
    const frames = queue(Array.from({ length: count }, (_, i) => i));
    let taken = 0;
    for (let pick = pickFrame(frames, null); pick.kind === 'frame'; pick = pickFrame(frames, pick.frame)) {
      frames.takeFrame(pick.frame);
      taken += 1;
    }
    expect(taken).toBe(count);
  });
});
