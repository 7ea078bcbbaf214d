// Small hand-made snapshots for tests of the layers that only pass snapshots along.
import type { ClusterSnapshot, NodeSnapshot } from '../../src/model/snapshot.js';

export function node(id: number, values: Partial<NodeSnapshot> = {}): NodeSnapshot {
  return {
    id,
    ip: `10.0.1.${id % 256}`,
    up: true,
    load: 0,
    speed: 10000,
    memFreeBytes: 1000,
    memTotalBytes: 2000,
    util: 100,
    cpus: 1,
    flags: {},
    stale: false,
    isLocal: false,
    ...values,
  };
}

export function snapshot(nodes: NodeSnapshot[], takenAt = 0): ClusterSnapshot {
  return { takenAt, backend: 'demo', localNode: nodes[0]?.id ?? 0, nodes, processes: [], errors: [] };
}
