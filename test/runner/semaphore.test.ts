import { describe, expect, it } from 'vitest';
import { createSemaphore } from '../../src/runner/semaphore.js';

describe('createSemaphore', () => {
  it('never runs more than the limit at once, and runs every task', async () => {
    const slots = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const task = async (n: number): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return n * 2;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => slots.use(() => task(n))));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(peak).toBe(2);
    expect(slots.active()).toBe(0);
  });

  it('frees the slot when a task rejects', async () => {
    const slots = createSemaphore(1);
    await expect(slots.use(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.use(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => createSemaphore(0)).toThrow(/positive integer/);
  });
});
