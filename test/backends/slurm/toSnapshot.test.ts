import { describe, expect, it } from 'vitest';
import type { SlurmNode } from '../../../parsers/index.js';
import { nodeSnapshot } from '../../../src/backends/slurm/toSnapshot.js';

const MIB = 1024 * 1024;

function node(memoryMiB: number | null, memoryFreeMiB: number | null): SlurmNode {
  return {
    name: 'n1',
    state: 'idle',
    stateText: 'idle',
    notResponding: false,
    reason: null,
    cpusAllocated: 0,
    cpusTotal: 2,
    load: 0.5,
    memoryMiB,
    memoryFreeMiB,
    partitions: ['debug'],
  };
}

describe('slurm node → snapshot memory', () => {
  it('caps free memory at RealMemory: virtual nodes report the whole host free (20 GiB of 1000 MiB configured)', () => {
    const snap = nodeSnapshot(node(1000, 20_682), 1);
    expect(snap.memTotalBytes).toBe(1000 * MIB);
    expect(snap.memFreeBytes).toBe(1000 * MIB);
  });

  it('keeps free memory below RealMemory as read', () => {
    const snap = nodeSnapshot(node(1000, 400), 1);
    expect(snap.memFreeBytes).toBe(400 * MIB);
  });

  it('keeps free memory when RealMemory is unknown, and unknown stays unknown', () => {
    expect(nodeSnapshot(node(null, 400), 1).memFreeBytes).toBe(400 * MIB);
    expect(nodeSnapshot(node(1000, null), 1).memFreeBytes).toBeNull();
  });
});
