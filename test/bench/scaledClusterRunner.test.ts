import { describe, expect, it } from 'vitest';
import { parseMosctlGetload, parseMosctlGetutil, parseMps, parseOpenMosixStatus } from '../../parsers/index.js';
import { createOpenMosixBackend } from '../../src/backends/openmosix/openmosixBackend.js';
import { createSyntheticCluster } from '../../bench/gen/syntheticCluster.js';
import { createScaledClusterRunner } from '../../bench/scaledClusterRunner.js';

describe('createScaledClusterRunner', () => {
  it("answers the tools with text omtop's parsers read back", async () => {
    const cluster = createSyntheticCluster(40, 120);
    const runner = createScaledClusterRunner(cluster);
    const status = parseOpenMosixStatus((await runner.run(['setpe', '-r'])).stdout);
    expect(status.ok && status.value.nodes.map((node) => node.id)).toEqual(cluster.nodes.map((node) => node.id));
    const mps = parseMps((await runner.run(['mps', 'auxww'])).stdout);
    expect(mps.ok && mps.value.processes).toHaveLength(120);
    expect(mps.ok && mps.value.processes.every((row) => row.user !== undefined && row.cpu !== undefined)).toBe(true);
    expect(parseMosctlGetutil((await runner.run(['mosctl', 'getutil', String(cluster.nodes[0]?.id)])).stdout)).toMatchObject({ ok: true });
    const node = cluster.nodes[3];
    const load = parseMosctlGetload((await runner.run(['mosctl', 'getload', String(node?.id)])).stdout);
    expect(load.ok && load.value.load).toBe(node?.load);
  });

  it('counts every call by program and fails what it does not emulate', async () => {
    const runner = createScaledClusterRunner(createSyntheticCluster(2, 5));
    await runner.run(['mps']);
    await runner.run(['mosctl', 'getload', '258']);
    const unknown = await runner.run(['mosctl', 'getload', '9999']);
    expect(unknown.failure).toBe('exit');
    expect(runner.counts().total).toBe(3);
    expect(runner.counts().byProgram.get('mosctl')).toBe(2);
    runner.resetCounts();
    expect(runner.counts().total).toBe(0);
  });

  it('feeds the openmosix backend a complete snapshot of every node and process', async () => {
    const cluster = createSyntheticCluster(16, 80);
    const runner = createScaledClusterRunner(cluster);
    const backend = createOpenMosixBackend({ runner, now: () => 1_000_000 });
    const snapshot = await backend.collect();
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.nodes).toHaveLength(16);
    expect(snapshot.processes).toHaveLength(80);
  });
});
