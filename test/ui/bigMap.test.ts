// Issue 11 item 9 and issue 14 target 6 on a headless terminal: a map too big to read in one tick
// shows on the first refresh, the nodes not read yet marked pending, and a node whose values
// missed a refresh shows how old they are.
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../src/backends/openmosix/openmosixBackend.js';
import { createSyntheticCluster } from '../../bench/gen/syntheticCluster.js';
import { createScaledClusterRunner } from '../../bench/scaledClusterRunner.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('a 300-node map on the dashboard', () => {
  it('shows the first nodes read and the others pending at once, then fills in; a node read ticks ago shows its age', async () => {
    let clock = 1_000_000;
    const runner = createScaledClusterRunner(createSyntheticCluster(300, 20));
    // The harness's collector ticks every hour: 60 forks a tick is 1/60 fork per second of it.
    const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock, forksPerSecond: 1 / 60 });
    h = await startDashboard(backend, { cols: 140, rows: 40 });
    const first = (await h.lines()).join('\n');
    const up = (first.match(/ up /g) ?? []).length;
    expect(first).toMatch(/\d+\/300 nodes up, \d+ pending/);
    expect(first).toMatch(/STATE/);
    expect(first).toMatch(/ pending /);
    expect(up).toBeGreaterThan(0);
    let lines: string[] = [];
    for (let i = 0; i < 30 && !(lines.join('\n').includes('300/300 nodes up')); i += 1) {
      clock += 2000;
      lines = await h.refresh();
    }
    const all = lines.join('\n');
    expect(all).toContain('300/300 nodes up');
    expect(all).not.toMatch(/ pending/);
    // The first nodes read were read many 2 s ticks ago (60 forks cannot visit 300 nodes each tick).
    expect(all).toMatch(/AGE/);
    expect(all).toMatch(/ up\s+\d+s /);
  });
});
