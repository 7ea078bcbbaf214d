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

describe('a map too big for one tick, on the dashboard', () => {
  it('shows the first nodes read and the others pending at once, then fills in; nodes read ticks ago show their age', async () => {
    let clock = 1_000_000;
    const runner = createScaledClusterRunner(createSyntheticCluster(30, 20));
    // The harness's collector ticks every hour: 12 forks a tick (two whole first visits) is 12/3600 fork per second.
    const backend = createOpenMosixBackend({ runner, hpcRoot: null, now: () => clock, forksPerSecond: 12 / 3600 });
    h = await startDashboard(backend, { cols: 140, rows: 40 });
    const first = (await h.lines()).join('\n');
    // The first screen (the dashboard may have refreshed twice by then): a few nodes read, the rest pending.
    expect(first).toMatch(/[2-6]\/30 nodes up, 2[4-8] pending/);
    expect(first).toMatch(/ pending /);
    expect(first).toMatch(/ up /);
    let lines: string[] = [];
    for (let i = 0; i < 30 && !(lines.join('\n').includes('30/30 nodes up')); i += 1) {
      clock += 2000;
      lines = await h.refresh();
    }
    expect(lines.join('\n')).toContain('30/30 nodes up');
    expect(lines.join('\n')).not.toMatch(/ pending/);
    // A minute later one tick reads two or three nodes: the other rows on screen show how old they are.
    clock += 60_000;
    const later = (await h.refresh()).join('\n');
    expect(later).toMatch(/STATE\s+AGE/);
    expect((later.match(/ up\s+\d+m\d\ds /g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});
