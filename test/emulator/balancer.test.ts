import { describe, expect, it } from 'vitest';
import { expectedRate } from '../../src/emulator/balancer.js';
import type { EmulatedCluster } from '../../src/emulator/types.js';
import { LOCAL, adoptBlenders, placement, processesOfKind, quietCluster, stdoutOf } from './emulatorHelpers.js';

const PARTS = [5001, 5002, 5003, 5004];

/** Speed-seconds per second the parts get over the next 10 s, measured from their CPU time. */
function workRate(cluster: EmulatedCluster): number {
  const speeds = new Map(cluster.inspect().nodes.map((node) => [node.id, node.speed]));
  const before = new Map(cluster.inspect().processes.map((process) => [process.pid, process.cpuSeconds]));
  const nodes = new Map(cluster.inspect().processes.map((process) => [process.pid, process.node]));
  cluster.advance(10_000);
  let work = 0;
  for (const process of cluster.inspect().processes) {
    if (!PARTS.includes(process.pid)) continue;
    work += (process.cpuSeconds - (before.get(process.pid) ?? 0)) * (speeds.get(nodes.get(process.pid) ?? 0) ?? 0);
  }
  return work / 10;
}

describe('the balancer', () => {
  it("moves CPU-bound processes off the slow home node towards the tutorial's faster nodes", () => {
    const cluster = quietCluster({ withRender: false });
    adoptBlenders(cluster, PARTS);
    expect(placement(cluster, PARTS)).toEqual({ [LOCAL]: 4 });
    const rateBefore = workRate(cluster);
    cluster.advance(60_000);
    const after = placement(cluster, PARTS);
    expect(after[LOCAL] ?? 0).toBeLessThanOrEqual(2);
    expect(after[266]).toBeGreaterThanOrEqual(1);
    // The fastest node (266, speed 26842) is the first target.
    const firstMove = cluster.events().find((event) => event.kind === 'migrated' && PARTS.includes(event.pid ?? 0));
    expect(firstMove?.node).toBe(266);
    expect(workRate(cluster)).toBeGreaterThan(rateBefore * 1.5);
  });

  it('with the local node emptied and blocked, spreads four parts the way the rate rule predicts', async () => {
    const cluster = quietCluster({ withRender: false });
    await stdoutOf(cluster, 'mosctl', 'block');
    await stdoutOf(cluster, 'mosctl', 'expel');
    adoptBlenders(cluster, PARTS);
    cluster.advance(60_000);
    // 261 (2 × 8240) → 266 (26842) first; 407 holds povray, so 266 takes a second part (13421
    // each), and the last two stay home where they get 8240 each: 407 would only give 9500.
    expect(placement(cluster, PARTS)).toEqual({ 266: 2, [LOCAL]: 2 });
  });

  it('settles: no more automatic migrations once the work is placed', () => {
    const cluster = quietCluster({ withRender: false });
    adoptBlenders(cluster, PARTS);
    cluster.advance(60_000);
    const settledAt = cluster.inspect().nowMs;
    cluster.advance(300_000);
    const later = cluster.events().filter((event) => event.kind === 'migrated' && event.atMs > settledAt);
    expect(later).toEqual([]);
  });

  it("keeps the tutorial's render parts away from the local node", () => {
    const cluster = quietCluster();
    cluster.advance(300_000);
    const parts = processesOfKind(cluster, 'render-part');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((part) => part.node !== LOCAL)).toBe(true);
  });

  it('rates a node by speed per process, counting every CPU', () => {
    const node = { speed: 8240, cpus: 2 };
    expect(expectedRate(node, 1)).toBe(8240);
    expect(expectedRate(node, 2)).toBe(8240);
    expect(expectedRate(node, 4)).toBe(4120);
  });
});
