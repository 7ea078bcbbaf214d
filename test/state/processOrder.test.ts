import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProcessOrder, type Compare } from '../../src/state/processOrder.js';
import { fakeProcess } from '../helpers/fakeBackend.js';

const byCpuDesc: Compare = (a, b) => (b.cpu ?? 0) - (a.cpu ?? 0) || a.pid - b.pid;

describe('createProcessOrder', () => {
  it('any window equals the same slice of a full sort, and ranks match (lists past the plain-sort threshold)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 600, maxLength: 3000 }),
      fc.nat(), fc.integer({ min: 1, max: 40 }),
      (cpus, startSeed, size) => {
        const processes = cpus.map((cpu, i) => fakeProcess(i + 1, { cpu }));
        const expected = [...processes].sort(byCpuDesc);
        const order = createProcessOrder(processes, byCpuDesc);
        const start = startSeed % processes.length;
        expect(order.window(start, start + size).map((p) => p.pid)).toEqual(expected.slice(start, start + size).map((p) => p.pid));
        const probe = expected[(startSeed * 7) % expected.length];
        if (probe !== undefined) expect(order.indexOfPid(probe.pid)).toBe(expected.indexOf(probe));
      },
    ), { numRuns: 40 });
  });

  it('reports filtered-out PIDs as -1 and clamps windows', () => {
    const order = createProcessOrder([fakeProcess(1), fakeProcess(2)], byCpuDesc);
    expect(order.indexOfPid(3)).toBe(-1);
    expect(order.window(1, 99).map((p) => p.pid)).toEqual([2]);
    expect(order.window(5, 9)).toEqual([]);
  });
});
