import { describe, expect, it } from 'vitest';
import { advanceCluster, createSyntheticCluster, nodeAddress, toMpsRows, toMtopFrame } from '../../../bench/gen/syntheticCluster.js';

describe('nodeAddress', () => {
  it('numbers nodes like autodiscovery: the low 16 bits of the address', () => {
    expect(nodeAddress(0)).toEqual({ id: 258, ip: '10.0.1.2' });
    expect(nodeAddress(300)).toEqual({ id: 558, ip: '10.0.2.46' });
  });
});

describe('createSyntheticCluster and advanceCluster', () => {
  it('is the same for the same size and seed', () => {
    expect(createSyntheticCluster(8, 200)).toEqual(createSyntheticCluster(8, 200));
  });

  it('keeps the process count while 1% of the pids churn each tick', () => {
    const cluster = createSyntheticCluster(4, 1000);
    const before = new Set(cluster.processes.map((process) => process.pid));
    advanceCluster(cluster);
    const after = cluster.processes.map((process) => process.pid);
    expect(after).toHaveLength(1000);
    expect(new Set(after).size).toBe(1000);
    expect(after.filter((pid) => !before.has(pid))).toHaveLength(10);
  });

  it('only migrates processes to other nodes than the local one', () => {
    const cluster = createSyntheticCluster(4, 500);
    const ids = new Set(cluster.nodes.map((node) => node.id));
    for (const process of cluster.processes) {
      expect(process.node === 0 || (ids.has(process.node) && process.node !== cluster.localNode)).toBe(true);
    }
  });

  it('shows migrated processes as (comm) in mps, and sorts mtop by %CPU', () => {
    const cluster = createSyntheticCluster(4, 300);
    const rows = toMpsRows(cluster);
    expect(rows.filter((row) => row.node !== 0).every((row) => /^\(.+\)$/.test(row.command))).toBe(true);
    expect(rows.filter((row) => row.node === 0).every((row) => row.command.endsWith(' '))).toBe(true);
    const cpu = toMtopFrame(cluster).rows.map((row) => row.cpuPercent);
    expect(cpu).toEqual([...cpu].sort((a, b) => b - a));
  });
});
