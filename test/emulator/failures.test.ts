import { describe, expect, it } from 'vitest';
import { createEmulatedCluster } from '../../src/emulator/cluster.js';
import { LOCAL, processesOfKind, quietCluster, stdoutOf } from './emulatorHelpers.js';

describe('a failed node', () => {
  it('loses the processes running on it, logs each loss and restarts lost render parts at home', async () => {
    const cluster = quietCluster();
    const onNode266 = processesOfKind(cluster, 'render-part').filter((part) => part.node === 266);
    expect(onNode266.length).toBeGreaterThan(0);
    cluster.failNode(266, 30_000);
    const events = cluster.events();
    expect(events.some((event) => event.kind === 'node-down' && event.node === 266)).toBe(true);
    for (const lost of onNode266) {
      expect(events.some((event) => event.kind === 'process-lost' && event.pid === lost.pid)).toBe(true);
      expect(cluster.inspect().processes.some((process) => process.pid === lost.pid)).toBe(false);
    }
    const respawned = events.filter((event) => event.kind === 'respawned');
    expect(respawned).toHaveLength(onNode266.length);
    const mps = await stdoutOf(cluster, 'mps', 'ax');
    for (const event of respawned) {
      // Back at home (NODE 0) with the unfinished part of its frame range.
      expect(mps).toMatch(new RegExp(`^ ${event.pid} {2}\\? {5}0 \\S+\\s+0:00 blender -b blacksmith-jpeg\\.blend -s \\d+ -e \\d+ -a $`, 'm'));
    }
  });

  it('answers queries with "Network is unreachable" on stderr, exit 0, until it returns, and stays in the configuration', async () => {
    const cluster = quietCluster();
    cluster.failNode(407, 30_000);
    const load = await cluster.run(['mosctl', 'getload', '407']);
    expect(load).toEqual({ argv: ['mosctl', 'getload', '407'], exitCode: 0, stdout: '', stderr: 'Error: Network is unreachable\n', durationMs: 0 });
    expect(await stdoutOf(cluster, 'mosctl', 'isup', '407')).toBe('no\n');
    expect(await stdoutOf(cluster, 'mosctl', 'status', '407')).toBe('down.\n');
    expect(await stdoutOf(cluster, 'setpe', '-r')).toContain('OpenMosix range   407-407   begins at 10.0.1.151\n');
    // migrate says nothing, whether or not the process moved: 1166 stays where it was.
    const before = cluster.inspect().processes.find((process) => process.pid === 1166)?.node;
    expect(await cluster.run(['migrate', '1166', '407'])).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(cluster.inspect().processes.find((process) => process.pid === 1166)?.node).toBe(before);
    cluster.advance(30_000);
    expect(cluster.events().some((event) => event.kind === 'node-up' && event.node === 407)).toBe(true);
    expect(await stdoutOf(cluster, 'mosctl', 'getload', '407')).toMatch(/^load=\d+\n$/);
  });

  it('loses guests whose home node goes down, wherever they run', () => {
    const cluster = quietCluster();
    const guest = cluster.inspect().processes.find((process) => process.node === LOCAL && process.home === 407);
    expect(guest).toBeDefined();
    cluster.failNode(407, 20_000);
    expect(cluster.inspect().processes.some((process) => process.pid === guest?.pid)).toBe(false);
    expect(cluster.events().some((event) => event.kind === 'process-lost' && event.pid === guest?.pid)).toBe(true);
  });

  it('refuses to fail the local node or an unknown one', () => {
    const cluster = quietCluster();
    expect(() => cluster.failNode(LOCAL, 1000)).toThrow(/local node/);
    expect(() => cluster.failNode(999, 1000)).toThrow(/not configured/);
  });
});

describe('random failures', () => {
  it('take nodes down for 20-60 s now and then, and the render still renders every frame', () => {
    const cluster = createEmulatedCluster({ seed: 3, repeatRender: false, guestArrivals: false });
    cluster.advance(3 * 3600_000);
    const events = cluster.events();
    const downs = events.filter((event) => event.kind === 'node-down');
    expect(downs.length).toBeGreaterThan(0);
    for (const down of downs) {
      const up = events.find((event) => event.kind === 'node-up' && event.node === down.node && event.atMs > down.atMs);
      expect(up).toBeDefined();
      expect((up?.atMs ?? 0) - down.atMs).toBeGreaterThanOrEqual(20_000);
      expect((up?.atMs ?? 0) - down.atMs).toBeLessThanOrEqual(60_100);
      expect(down.node).not.toBe(LOCAL);
    }
    const render = cluster.inspect().render;
    expect(render?.finished).toBe(true);
    expect(render?.framesDone).toBe(render?.framesTotal);
  });

  it('never happen when failures are off', () => {
    const cluster = createEmulatedCluster({ failures: false });
    cluster.advance(3 * 3600_000);
    expect(cluster.events().filter((event) => event.kind === 'node-down')).toEqual([]);
  });
});
