// A big map through the runner seam: what one tick forks, what the snapshot shows of the nodes
// not read yet, and how long the worst node waits for its turn. Counts, not wall-clock time.
import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import { createSyntheticCluster } from '../../../bench/gen/syntheticCluster.js';
import { createScaledClusterRunner } from '../../../bench/scaledClusterRunner.js';

function setUp(nodes: number) {
  const cluster = createSyntheticCluster(nodes, 20);
  const runner = createScaledClusterRunner(cluster);
  let clock = 1_000_000;
  // No wall clock: the budget is the rate's alone, so only the counts decide, however busy the machine is.
  const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock });
  const tick = async (intervalMs: number) => {
    clock += intervalMs;
    runner.resetCounts();
    const snapshot = await backend.collect(undefined, { intervalMs });
    return { snapshot, forks: runner.counts().total };
  };
  return { tick, now: () => clock };
}

describe('the mosctl path on a big map', () => {
  it('shows a 5,000-node map on the first tick: the nodes read so far, the rest pending, within the tick budget', async () => {
    const { tick } = setUp(5000);
    const { snapshot, forks } = await tick(2000);
    // 50 forks per second of interval: 100 for a 2 s tick, setpe -r and mps included.
    expect(forks).toBeLessThanOrEqual(100);
    expect(snapshot.nodes).toHaveLength(5000);
    const pending = snapshot.nodes.filter((node) => node.pending === true);
    const read = snapshot.nodes.filter((node) => node.pending === undefined);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length + pending.length).toBe(5000);
    for (const node of pending) expect(node).toMatchObject({ up: false, load: null, stale: false });
    for (const node of pending) expect(node.error).toBeUndefined();
    for (const node of read) expect(node).toMatchObject({ up: true, stale: false, readAt: snapshot.takenAt });
    expect(snapshot.errors).toEqual([]);
  });

  it('reads the pending nodes next, and keeps every tick within its budget', async () => {
    const { tick } = setUp(5000);
    const first = await tick(1000);
    const second = await tick(1000);
    expect(second.forks).toBeLessThanOrEqual(50);
    const readFirst = new Set(first.snapshot.nodes.filter((node) => node.pending === undefined).map((node) => node.id));
    const newlyRead = second.snapshot.nodes.filter((node) => node.pending === undefined && !readFirst.has(node.id));
    expect(newlyRead.length).toBeGreaterThan(0);
    // Read whole on their first visit: load, memory and speed.
    for (const node of newlyRead) expect(node).toMatchObject({ up: true, readAt: second.snapshot.takenAt });
    for (const node of newlyRead) expect(node.memTotalBytes !== null && node.speed !== null).toBe(true);
  });

  it('refreshes each of 64 nodes at least every 5 s at a 1 s interval, within 50 forks a tick', async () => {
    const { tick } = setUp(64);
    const worst = new Map<number, number>();
    const last = new Map<number, number>();
    for (let i = 0; i < 60; i += 1) {
      const { snapshot, forks } = await tick(1000);
      expect(forks).toBeLessThanOrEqual(50);
      for (const node of snapshot.nodes) {
        if (i >= 10 && node.readAt !== undefined) {
          const age = snapshot.takenAt - node.readAt;
          worst.set(node.id, Math.max(worst.get(node.id) ?? 0, age));
        }
        if (node.readAt !== undefined) last.set(node.id, node.readAt);
      }
    }
    expect(last.size).toBe(64);
    expect(Math.max(...worst.values())).toBeLessThan(5000);
    // Not every node every tick: 64 getloads and mps would not fit in 50.
    expect(Math.max(...worst.values())).toBeGreaterThan(0);
  });

  it('refreshes each of 256 nodes at least every 5 s at a 1 s interval, the budget raised to 67 forks for it, memory still coming round', async () => {
    const cluster = createSyntheticCluster(256, 20);
    const runner = createScaledClusterRunner(cluster);
    let clock = 1_000_000;
    const mems = new Map<string, number>();
    const counting = { run: (argv: readonly string[]) => { if (argv[1] === 'getmem') mems.set(argv[2] ?? '', (mems.get(argv[2] ?? '') ?? 0) + 1); return runner.run(argv); } };
    const backend = createOpenMosixBackend({ runner: counting, hpcRoot: null, now: () => clock });
    let worst = 0;
    let most = 0;
    for (let i = 0; i < 120; i += 1) {
      clock += 1000;
      runner.resetCounts();
      const snapshot = await backend.collect(undefined, { intervalMs: 1000 });
      most = Math.max(most, runner.counts().total);
      // After the first round (whole first visits: 5 forks a node, about 20 ticks).
      if (i >= 30) for (const node of snapshot.nodes) worst = Math.max(worst, snapshot.takenAt - (node.readAt ?? 0));
    }
    // 50 forks/s cannot read 256 loads in 5 s (52 a tick): the budget grows to 52 loads, a fifth for the rest, mps and setpe -r.
    expect(most).toBeLessThanOrEqual(67);
    expect(most).toBeGreaterThan(50);
    expect(worst).toBeLessThanOrEqual(4000);
    // Memory gets a fifth of the budget on such a map: every node's comes round within the 120 s (at least once after the first).
    const counts = cluster.nodes.map((node) => mems.get(String(node.id)) ?? 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
  });

  it('forks the rate\'s 50 on the first tick of 256 nodes, and 67 once forks were measured cheap enough', async () => {
    const cluster = createSyntheticCluster(256, 20);
    const inner = createScaledClusterRunner(cluster);
    let wall = 0;
    const runner = { run: (argv: readonly string[]) => { wall += 1; return inner.run(argv); } };
    let clock = 1_000_000;
    const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock, wallNow: () => wall });
    const forks: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      clock += 1000;
      inner.resetCounts();
      await backend.collect(undefined, { intervalMs: 1000 });
      forks.push(inner.counts().total);
    }
    expect(forks[0]).toBeLessThanOrEqual(50);
    expect(forks[1]).toBeGreaterThan(60);
    expect(forks[1]).toBeLessThanOrEqual(67);
  });

  it('keeps a rate the user set as a cap: 256 nodes at --forks-per-second 50 fork at most 50 a tick', async () => {
    const cluster = createSyntheticCluster(256, 20);
    const runner = createScaledClusterRunner(cluster);
    let clock = 1_000_000;
    const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock, forksPerSecond: 50 });
    let most = 0;
    for (let i = 0; i < 40; i += 1) {
      clock += 1000;
      runner.resetCounts();
      await backend.collect(undefined, { intervalMs: 1000 });
      most = Math.max(most, runner.counts().total);
    }
    // The same map with the default rate forks up to 67 (above): the user's 50 is not raised.
    expect(most).toBe(50);
  });

  it('reads every node every tick where the budget allows it (4 nodes)', async () => {
    const { tick } = setUp(4);
    for (let i = 0; i < 10; i += 1) {
      const { snapshot } = await tick(1000);
      for (const node of snapshot.nodes) expect(node.readAt).toBe(snapshot.takenAt);
    }
  });

  it('lowers the budget to what forks really cost: at 100 ms a fork, a 1 s tick forks 8 (80 % of it)', async () => {
    const cluster = createSyntheticCluster(64, 20);
    const inner = createScaledClusterRunner(cluster);
    let wall = 0;
    const runner = { run: (argv: readonly string[]) => { wall += 100; return inner.run(argv); } };
    let clock = 1_000_000;
    const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock, wallNow: () => wall });
    const forks: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      clock += 1000;
      inner.resetCounts();
      await backend.collect(undefined, { intervalMs: 1000 });
      forks.push(inner.counts().total);
    }
    // The first tick: the rate's 50 (whole first visits of 5 forks each leave a few unused).
    expect(forks[0]).toBeGreaterThan(40);
    expect(forks[0]).toBeLessThanOrEqual(50);
    expect(forks.slice(1)).toEqual([8, 8, 8]);
  });

  it('takes the slower readings of a node at most every few visits on a map too big for 5 s rounds', async () => {
    const cluster = createSyntheticCluster(256, 20);
    const runner = createScaledClusterRunner(cluster);
    let clock = 1_000_000;
    const perNode = new Map<string, number>();
    const counting = { run: (argv: readonly string[]) => { perNode.set(argv.slice(1).join(' '), (perNode.get(argv.slice(1).join(' ')) ?? 0) + 1); return runner.run(argv); } };
    const backend = createOpenMosixBackend({ runner: counting, hpcRoot: null, now: () => clock });
    for (let i = 0; i < 120; i += 1) {
      clock += 1000;
      await backend.collect(undefined, { intervalMs: 1000 });
    }
    const id = cluster.nodes[100]?.id ?? 0;
    const loads = perNode.get(`getload ${id}`) ?? 0;
    const mems = perNode.get(`getmem ${id}`) ?? 0;
    // Visited every ~10 s: memory every 2nd visit at most (plus the first); speed at most twice (its first period is shortened by its spread).
    expect(loads).toBeGreaterThanOrEqual(8);
    expect(mems).toBeLessThanOrEqual(Math.ceil(loads / 2) + 1);
    expect(mems).toBeGreaterThanOrEqual(2);
    expect(perNode.get(`getspeed ${id}`)).toBeLessThanOrEqual(2);
  });
});
