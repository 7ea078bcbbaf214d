// Which frame a free render worker takes: the lowest it may, never going back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickFrame } from '../../src/launcher/frameDispatch.js';

describe('pickFrame', () => {
  it('gives a fresh worker the lowest queued frame', () => {
    expect(pickFrame([3, 4, 9], null)).toEqual({ kind: 'frame', frame: 3 });
  });

  it('gives a worker the lowest frame not below its last one', () => {
    expect(pickFrame([2, 7, 9], 5)).toEqual({ kind: 'frame', frame: 7 });
    // Its own failed frame comes back to it: rendering frame 5 again after 5 does not go back.
    expect(pickFrame([5, 9], 5)).toEqual({ kind: 'frame', frame: 5 });
  });

  it('asks for a fresh blender when only lower frames are left, and says when the queue is empty', () => {
    expect(pickFrame([2, 3], 5)).toEqual({ kind: 'restart' });
    expect(pickFrame([], 5)).toEqual({ kind: 'none' });
    expect(pickFrame([], null)).toEqual({ kind: 'none' });
  });

  it('for any queue: the frames one worker is handed only go up, and every frame is handed once', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (unsorted, workers) => {
      const queue = [...unsorted].sort((a, b) => a - b);
      const handed: number[][] = Array.from({ length: workers }, () => []);
      for (let turn = 0; queue.length > 0; turn += 1) {
        const mine = handed[turn % workers] ?? [];
        const pick = pickFrame(queue, mine.at(-1) ?? null);
        expect(pick.kind).toBe('frame');
        if (pick.kind !== 'frame') return;
        queue.splice(queue.indexOf(pick.frame), 1);
        mine.push(pick.frame);
      }
      for (const frames of handed) expect(frames).toEqual([...frames].sort((a, b) => a - b));
      expect(handed.flat().sort((a, b) => a - b)).toEqual([...unsorted].sort((a, b) => a - b));
    }));
  });
});
