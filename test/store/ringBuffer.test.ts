import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../src/store/ringBuffer.js';

describe('createRingBuffer', () => {
  it('keeps the newest `capacity` values, oldest first', () => {
    const ring = createRingBuffer<number>(3);
    for (const n of [1, 2, 3, 4, 5]) ring.push(n);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.length).toBe(3);
  });

  it('returns fewer values before it is full', () => {
    const ring = createRingBuffer<string>(4);
    ring.push('a');
    ring.push('b');
    expect(ring.toArray()).toEqual(['a', 'b']);
  });

  it('refuses a capacity below one', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
  });
});
