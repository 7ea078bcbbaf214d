import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFrameList, frameRange, frameRuns, parseFrameList } from '../../src/launcher/frameList.js';

describe('frame lists', () => {
  it('reads ranges and single frames, sorted and without duplicates', () => {
    expect(parseFrameList('20-22,1-3,15,2')).toEqual({ ok: true, frames: [1, 2, 3, 15, 20, 21, 22] });
  });

  it('rejects malformed lists with a message naming the input', () => {
    for (const bad of ['', '1-', 'a', '3-1', '1,,2', '-4', '1.5']) {
      const result = parseFrameList(bad);
      expect(result.ok, bad).toBe(false);
    }
    const backwards = parseFrameList('3-1');
    expect(backwards.ok ? '' : backwards.message).toContain('3-1');
  });

  it('refuses absurdly long lists instead of allocating them', () => {
    expect(parseFrameList('1-999999999').ok).toBe(false);
  });

  it('compresses frames back into ranges', () => {
    expect(formatFrameList([9, 1, 2, 3, 7, 10])).toBe('1-3,7,9-10');
    expect(frameRuns([5, 6, 8])).toEqual([[5, 6], [8, 8]]);
    expect(formatFrameList([])).toBe('');
  });

  it('includes both ends of a range (the tutorial script skipped the start)', () => {
    expect(frameRange(1, 235)).toHaveLength(235);
    expect(frameRange(1, 235)[0]).toBe(1);
    expect(frameRange(1, 235).at(-1)).toBe(235);
  });

  it('format and parse are inverses', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1 }), (frames) => {
      const text = formatFrameList(frames);
      expect(parseFrameList(text)).toEqual({ ok: true, frames: [...frames].sort((a, b) => a - b) });
    }));
  });
});
