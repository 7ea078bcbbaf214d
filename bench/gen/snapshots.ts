// Cluster snapshots of any process count for the dashboard benchmark, built from the synthetic
// cluster and checked and frozen by validateAndFreeze like every backend's. It has no blender process,
// so the blender-only filter stays off and the whole list is sorted (the costlier case).
import { validateAndFreeze } from '../../src/model/validateSnapshot.js';
import { isBlenderCommand, type ClusterSnapshot, type ProcessSnapshot } from '../../src/model/snapshot.js';
import { advanceCluster, createSyntheticCluster, type SyntheticCluster } from './syntheticCluster.js';

export function toSnapshot(cluster: SyntheticCluster, takenAt: number): ClusterSnapshot {
  const local = cluster.localNode;
  const processes: ProcessSnapshot[] = cluster.processes.map((process) => ({
    pid: process.pid,
    user: process.user,
    node: process.node === 0 ? local : process.node,
    home: local,
    migrated: process.node !== 0,
    stat: process.cpuPercent > 25 ? 'R' : 'S',
    cpu: Math.round(process.cpuPercent * 10) / 10,
    mem: Math.round((process.rssKiB / 262_144) * 1000) / 10,
    timeSeconds: Math.floor(process.timeSeconds),
    command: process.node === 0 ? process.command : `(${process.comm})`,
    isBlender: isBlenderCommand(process.command),
  }));
  return validateAndFreeze({
    takenAt,
    backend: 'demo',
    localNode: local,
    nodes: cluster.nodes.map((node) => ({
      id: node.id, ip: node.ip, up: true, load: node.load, speed: node.speed, memFreeBytes: node.memFreeBytes,
      memTotalBytes: node.memTotalBytes, util: node.util, cpus: 1, flags: {}, stale: false, isLocal: node.id === local,
    })),
    processes,
    errors: [],
  });
}

/** `count` successive one-second snapshots of a cluster of 4 nodes and `processCount` processes. */
export function snapshotSeries(processCount: number, count: number): ClusterSnapshot[] {
  const cluster = createSyntheticCluster(4, processCount);
  const series: ClusterSnapshot[] = [];
  for (let i = 0; i < count; i += 1) {
    advanceCluster(cluster);
    series.push(toSnapshot(cluster, 1_800_000_000_000 + i * 1000));
  }
  return series;
}
